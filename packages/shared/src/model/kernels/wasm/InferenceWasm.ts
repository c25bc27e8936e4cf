import { CandlecastError } from '../../../errors/CandlecastError';
import { WASM_PAGE_BYTES, webAssembly, type WasmMemory, type WasmModule } from './webAssembly';

/** What inference.wasm exports (packages/shared/assembly/index.ts); pointers are byte addresses. */
interface InferenceExports {
  memory: WasmMemory;
  heapBase(): number;
  panelWidth(): number;
  lstmSequence(
    steps: number, inWidth: number, units: number, columns: number,
    x: number, kernel: number, recurrent: number, bias: number,
    proj: number, gates: number, h: number, c: number, out: number, returnSequences: number, mask: number,
    scale: number, h16: number,
  ): void;
  gruSequence(
    steps: number, inWidth: number, units: number, zrColumns: number, hColumns: number,
    x: number, kernel: number, recurrentZr: number, recurrentH: number, bias: number,
    proj: number, gates: number, candidate: number, h: number, rh: number, out: number, returnSequences: number, mask: number,
    scaleZr: number, scaleH: number, h16: number, rh16: number,
  ): void;
}

/**
 * One instance of inference.wasm with its own linear memory, shared by the wasm layers of one
 * model. Layers reserve their buffers while the model is built (the memory grows then, never
 * during a predict), so the views below stay valid and a predict allocates nothing.
 */
export class InferenceWasm {
  readonly kernels: InferenceExports;
  /** Columns per recurrent weight panel (matvec.ts's PANEL). */
  readonly panelWidth: number;
  private top: number;
  private f32View: Float32Array;
  private u8View: Uint8Array;

  constructor(module: WasmModule) {
    if (!webAssembly) throw new CandlecastError('kernels_unavailable', 'this runtime has no WebAssembly');
    this.kernels = new webAssembly.Instance(module, {}).exports as unknown as InferenceExports;
    for (const name of ['memory', 'heapBase', 'panelWidth', 'lstmSequence', 'gruSequence'] as const) {
      if (!(name in this.kernels)) throw new CandlecastError('kernels_unavailable', `the wasm module is not inference.wasm: it exports no "${name}"`);
    }
    this.panelWidth = this.kernels.panelWidth();
    this.top = this.kernels.heapBase();
    this.f32View = new Float32Array(this.kernels.memory.buffer);
    this.u8View = new Uint8Array(this.kernels.memory.buffer);
  }

  /** Reserves `bytes` (16-byte aligned, zeroed) and returns the byte address. */
  reserve(bytes: number): number {
    const at = Math.ceil(this.top / 16) * 16;
    this.top = at + bytes;
    const have = this.kernels.memory.buffer.byteLength;
    if (this.top > have) this.kernels.memory.grow(Math.ceil((this.top - have) / WASM_PAGE_BYTES));
    this.u8().fill(0, at, this.top);
    return at;
  }

  /** Reserves `count` float32 values; returns the element index into `f32()`. */
  reserveF32(count: number): number {
    return this.reserve(count * 4) / 4;
  }

  /** The module's memory buffer (replaced when the memory grows). */
  memory(): ArrayBuffer {
    return this.kernels.memory.buffer;
  }

  /** Copies a layer's input (and mask, when there is one) into the module's memory at byte addresses `at` / `maskAt`. */
  writeInput(input: readonly number[], count: number, at: number, mask: Uint8Array | null, maskAt: number): void {
    const heap = this.f32();
    const x = at / 4;
    for (let i = 0; i < count; i++) heap[x + i] = input[i];
    if (mask !== null) this.u8().set(mask, maskAt);
  }

  /** Copies `output.length` floats from byte address `at` into a layer's output. */
  readOutput(at: number, output: number[]): void {
    const heap = this.f32();
    const from = at / 4;
    for (let i = 0; i < output.length; i++) output[i] = heap[from + i];
  }

  /** The whole memory as float32 (refreshed after the memory grew). */
  f32(): Float32Array {
    if (this.f32View.buffer !== this.kernels.memory.buffer) this.f32View = new Float32Array(this.kernels.memory.buffer);
    return this.f32View;
  }

  /** The whole memory as bytes (refreshed after the memory grew). */
  u8(): Uint8Array {
    if (this.u8View.buffer !== this.kernels.memory.buffer) this.u8View = new Uint8Array(this.kernels.memory.buffer);
    return this.u8View;
  }
}
