/** Which implementation runs the heavy loops: AssemblyScript compiled to wasm with SIMD, or plain JS. */
export type KernelKind = 'wasm-simd' | 'js';

/** Adam's per-step scalars, each already rounded to f32 the way tfjs's AdamOptimizer rounds it. */
export interface AdamScalars {
  learningRate: number;
  beta1: number;
  beta2: number;
  /** 1 - beta1 and 1 - beta2. */
  oneMinusBeta1: number;
  oneMinusBeta2: number;
  /** Bias corrections 1 - beta1^t and 1 - beta2^t for the step t being taken. */
  correction1: number;
  correction2: number;
  epsilon: number;
}

/**
 * The loops of the fast recurrent trainer over one float32 heap. Every pointer is an element offset
 * into `heap()`; strides and sizes are in elements; matrices are row-major. The two
 * implementations (wasmKernels, jsKernels) agree within float32 rounding (kernels.test.ts).
 */
export interface Kernels {
  readonly kind: KernelKind;
  /** The heap. Growing it (alloc) can replace the buffer: never keep the view across an alloc. */
  heap(): Float32Array;
  /** Reserves `count` zeroed floats, 64-byte aligned; returns the element offset. */
  alloc(count: number): number;
  /** C[i, j] (+)= sum_k A(i, k) B[k, j], A(i, k) = heap[a + i aRowStride + k aColStride], i < m, j < n, k < depth. */
  gemm(m: number, n: number, depth: number, a: number, aRowStride: number, aColStride: number, b: number, ldb: number, c: number, ldc: number, accumulate: boolean): void;
  /** One LSTM step forward for `rows` samples: z [rows, 4U] pre-activations in, activated gates out; writes c, tanh(c), h [rows, U]. */
  lstmForwardStep(rows: number, units: number, z: number, cPrev: number, c: number, tanhC: number, h: number): void;
  /** One LSTM step backward: z activated gates in, pre-activation gradients out; dh in; dc carry in and out. */
  lstmBackwardStep(rows: number, units: number, z: number, cPrev: number, tanhC: number, dh: number, dc: number): void;
  /** GRU step, first part: z, r activated in place in g [rows, 3U]; rh = r * hPrev. */
  gruGates(rows: number, units: number, g: number, hPrev: number, rh: number): void;
  /** GRU step, second part: candidate activated in place; h = z hPrev + (1 - z) hh. */
  gruOutput(rows: number, units: number, g: number, hPrev: number, h: number): void;
  /** GRU backward, first part: update and candidate gradients into g; dhPrev (+)= dh z. */
  gruBackwardOutput(rows: number, units: number, g: number, hPrev: number, dh: number, dhPrev: number, accumulate: boolean): void;
  /** GRU backward, second part: reset gradient into g from dRh (gradient w.r.t. r hPrev); dhPrev += dRh r. */
  gruBackwardReset(rows: number, units: number, g: number, hPrev: number, dRh: number, dhPrev: number): void;
  /** Adam on `n` parameters (params, first and second moments updated in place). */
  adam(n: number, params: number, grads: number, m: number, v: number, scalars: AdamScalars): void;
  /** out[j] (+)= sum_r x[r cols + j]. */
  columnSums(rows: number, cols: number, x: number, out: number, accumulate: boolean): void;
  /** out[k] = a[k] b[k]. */
  multiply(n: number, a: number, b: number, out: number): void;
  /** out[k] += a[k]. */
  addTo(n: number, a: number, out: number): void;
  /** Copies the row at src into `rows` consecutive rows at dst. */
  repeatRow(rows: number, cols: number, src: number, dst: number): void;
}

/** Alignment of every allocation, in floats (64 bytes: one cache line, any SIMD width). */
export const ALLOC_ALIGN = 16;

/** Rounds `offset` up to the allocation alignment. */
export function alignOffset(offset: number): number {
  return Math.ceil(offset / ALLOC_ALIGN) * ALLOC_ALIGN;
}
