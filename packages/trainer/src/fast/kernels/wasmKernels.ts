import { alignOffset, type Kernels } from './Kernels';
import { webAssembly, type WasmMemory, type WasmModule } from '@candlecast/shared/model/wasm';

/** The functions kernels.wasm exports (assembly/index.ts); pointers are byte addresses. */
interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  gemm(m: number, n: number, depth: number, a: number, aRowStride: number, aColStride: number, b: number, ldb: number, c: number, ldc: number, accumulate: number): void;
  lstmForwardStep(rows: number, units: number, z: number, cPrev: number, c: number, tanhC: number, h: number): void;
  lstmBackwardStep(rows: number, units: number, z: number, cPrev: number, tanhC: number, dh: number, dc: number): void;
  gruGates(rows: number, units: number, g: number, hPrev: number, rh: number): void;
  gruOutput(rows: number, units: number, g: number, hPrev: number, h: number): void;
  gruBackwardOutput(rows: number, units: number, g: number, hPrev: number, dh: number, dhPrev: number, accumulate: number): void;
  gruBackwardReset(rows: number, units: number, g: number, hPrev: number, dRh: number, dhPrev: number): void;
  adam(n: number, params: number, grads: number, m: number, v: number, lr: number, b1: number, b2: number, omb1: number, omb2: number, c1: number, c2: number, eps: number): void;
  columnSums(rows: number, cols: number, x: number, out: number, accumulate: number): void;
  multiply(n: number, a: number, b: number, out: number): void;
  addTo(n: number, a: number, out: number): void;
  repeatRow(rows: number, cols: number, src: number, dst: number): void;
}

const PAGE_BYTES = 65536;

/**
 * Kernels backed by one instance of the compiled kernels.wasm (its own linear memory: one per
 * thread). Offsets handed out are element offsets; the calls convert them to byte addresses.
 */
export function createWasmKernels(module: WasmModule): Kernels {
  const x = new webAssembly!.Instance(module, {}).exports as unknown as KernelExports;
  let top = alignOffset(Math.ceil(x.heapBase() / 4));
  let view = new Float32Array(x.memory.buffer);
  const heap = () => (view.buffer === x.memory.buffer ? view : (view = new Float32Array(x.memory.buffer)));
  return {
    kind: 'wasm-simd',
    heap,
    alloc(count) {
      const offset = alignOffset(top);
      top = offset + count;
      const needBytes = top * 4;
      const haveBytes = x.memory.buffer.byteLength;
      if (needBytes > haveBytes) x.memory.grow(Math.ceil((needBytes - haveBytes) / PAGE_BYTES));
      heap().fill(0, offset, top);
      return offset;
    },
    gemm: (m, n, depth, a, ars, acs, b, ldb, c, ldc, accumulate) => x.gemm(m, n, depth, a * 4, ars, acs, b * 4, ldb, c * 4, ldc, accumulate ? 1 : 0),
    lstmForwardStep: (rows, units, z, cPrev, c, tanhC, h) => x.lstmForwardStep(rows, units, z * 4, cPrev * 4, c * 4, tanhC * 4, h * 4),
    lstmBackwardStep: (rows, units, z, cPrev, tanhC, dh, dc) => x.lstmBackwardStep(rows, units, z * 4, cPrev * 4, tanhC * 4, dh * 4, dc * 4),
    gruGates: (rows, units, g, hPrev, rh) => x.gruGates(rows, units, g * 4, hPrev * 4, rh * 4),
    gruOutput: (rows, units, g, hPrev, h) => x.gruOutput(rows, units, g * 4, hPrev * 4, h * 4),
    gruBackwardOutput: (rows, units, g, hPrev, dh, dhPrev, accumulate) => x.gruBackwardOutput(rows, units, g * 4, hPrev * 4, dh * 4, dhPrev * 4, accumulate ? 1 : 0),
    gruBackwardReset: (rows, units, g, hPrev, dRh, dhPrev) => x.gruBackwardReset(rows, units, g * 4, hPrev * 4, dRh * 4, dhPrev * 4),
    adam: (n, params, grads, m, v, s) =>
      x.adam(n, params * 4, grads * 4, m * 4, v * 4, s.learningRate, s.beta1, s.beta2, s.oneMinusBeta1, s.oneMinusBeta2, s.correction1, s.correction2, s.epsilon),
    columnSums: (rows, cols, src, out, accumulate) => x.columnSums(rows, cols, src * 4, out * 4, accumulate ? 1 : 0),
    multiply: (n, a, b, out) => x.multiply(n, a * 4, b * 4, out * 4),
    addTo: (n, a, out) => x.addTo(n, a * 4, out * 4),
    repeatRow: (rows, cols, src, dst) => x.repeatRow(rows, cols, src * 4, dst * 4),
  };
}
