import { CandlecastError } from '../errors/CandlecastError';
import type { TensorDtype } from './ArtifactManifest';
import { decodeFp16, encodeFp16 } from './fp16';
import { dequantizeInt8, quantizeInt8 } from './int8';

/** A tensor's stored bytes: the elements in `dtype`, plus float32 scales for int8. Little-endian. */
export interface EncodedTensor {
  data: Uint8Array;
  scales?: Uint8Array;
}

/** Encodes row-major float values of `shape` as `dtype` (quantizing for int8 and fp16). */
export function encodeTensor(values: ArrayLike<number>, shape: readonly number[], dtype: TensorDtype, name = 'tensor'): EncodedTensor {
  const count = shape.reduce((product, dim) => product * dim, 1);
  if (count !== values.length) {
    throw new CandlecastError('invalid_tensor', `${name}: shape [${shape}] needs ${count} values, got ${values.length}`);
  }
  if (dtype === 'int8') {
    const quantized = quantizeInt8(values, shape, name);
    return { data: new Uint8Array(quantized.values.buffer), scales: float32Bytes(quantized.scales) };
  }
  if (dtype === 'fp16') {
    const bits = encodeFp16(values);
    const data = new Uint8Array(bits.length * 2);
    const view = new DataView(data.buffer);
    for (let i = 0; i < bits.length; i++) view.setUint16(i * 2, bits[i], true);
    return { data };
  }
  return { data: float32Bytes(Float32Array.from(values)) };
}

/** Decodes a tensor's element bytes (and int8 scale bytes) back to float32, once, at load time. */
export function decodeTensor(data: Uint8Array, dtype: TensorDtype, scales?: Uint8Array): Float32Array {
  if (dtype === 'int8') {
    if (!scales) throw new CandlecastError('invalid_tensor', 'an int8 tensor needs its scales');
    return dequantizeInt8(new Int8Array(data.buffer, data.byteOffset, data.byteLength), readFloat32(scales));
  }
  if (dtype === 'fp16') {
    if (LITTLE_ENDIAN && data.byteOffset % 2 === 0) return decodeFp16(new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2));
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const bits = new Uint16Array(data.byteLength / 2);
    for (let i = 0; i < bits.length; i++) bits[i] = view.getUint16(i * 2, true);
    return decodeFp16(bits);
  }
  return readFloat32(data);
}

// Stored bytes are little-endian; on a little-endian platform (every one Workers and Node run on)
// aligned data can be viewed directly instead of read element by element.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function float32Bytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return bytes;
}

function readFloat32(bytes: Uint8Array): Float32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
