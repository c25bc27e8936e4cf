import { CandlecastError } from '../errors/CandlecastError';

/** An int8 tensor: `values` row-major like the source, `scales` one per output channel (the last axis). */
export interface Int8Tensor {
  values: Int8Array;
  scales: Float32Array;
}

/**
 * Symmetric per-output-channel int8 quantization of a row-major tensor whose last axis is the
 * output channel (a dense `[in, out]` kernel, an LSTM `[in, 4*units]` kernel): for each column c,
 * scale[c] = max|w[:, c]| / 127 (as float32) and q = round(w / scale[c]) in [-127, 127]. Dequantized
 * weights are within scale[c] / 2 of the originals. An all-zero column gets scale 0 and stays 0.
 * Throws on NaN or infinite weights: they cannot be represented and mean the model is broken.
 */
export function quantizeInt8(values: ArrayLike<number>, shape: readonly number[], name = 'tensor'): Int8Tensor {
  const channels = shape.length === 0 ? 1 : shape[shape.length - 1];
  const count = shape.reduce((product, dim) => product * dim, 1);
  if (count !== values.length) {
    throw new CandlecastError('invalid_tensor', `${name}: shape [${shape}] needs ${count} values, got ${values.length}`);
  }
  const scales = new Float32Array(channels);
  for (let i = 0; i < count; i++) {
    const w = values[i];
    if (!Number.isFinite(w)) throw new CandlecastError('invalid_tensor', `${name}: element ${i} is ${w}; int8 cannot hold it`);
    const c = i % channels;
    if (Math.abs(w) > scales[c]) scales[c] = Math.abs(w);
  }
  for (let c = 0; c < channels; c++) {
    const scale = Math.fround(scales[c] / 127);
    // A column of tiny subnormals would get scale 0 and divide by it; the smallest float32 keeps |q| <= 127.
    scales[c] = scale === 0 && scales[c] > 0 ? 2 ** -149 : scale;
  }
  const quantized = new Int8Array(count);
  for (let i = 0; i < count; i++) {
    const scale = scales[i % channels];
    if (scale === 0) continue;
    const q = Math.sign(values[i]) * Math.round(Math.abs(values[i]) / scale);
    quantized[i] = Math.max(-127, Math.min(127, q));
  }
  return { values: quantized, scales };
}

/** Float32 weights of an int8 tensor: q x scale of its column. */
export function dequantizeInt8(values: Int8Array, scales: Float32Array): Float32Array {
  const channels = scales.length;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * scales[i % channels];
  return out;
}
