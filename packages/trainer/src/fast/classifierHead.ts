import type { Kernels } from './kernels/Kernels';
import { CLASSES } from './RecurrentArchitecture';

/** Probabilities are clipped to [EPSILON, 1 - EPSILON] before the log, as the tfjs training step does. */
const EPSILON = 1e-7;

/** Dense relu -> dense softmax: weights, transposes, gradients and activations for `capacity` samples. */
export interface HeadBuffers {
  inputSize: number;
  denseUnits: number;
  denseKernel: number;
  denseBias: number;
  outputKernel: number;
  outputBias: number;
  /** dense kernel^T [D, in] and output kernel^T [2, D]. */
  denseKernelT: number;
  outputKernelT: number;
  gradDenseKernel: number;
  gradDenseBias: number;
  gradOutputKernel: number;
  gradOutputBias: number;
  /** Pre-activations [n, D], relu output [n, D], probabilities [n, 2], and their gradients. */
  dense: number;
  relu: number;
  probabilities: number;
  dRelu: number;
  dLogits: number;
}

/** Loss and accuracy over a batch slice. */
export interface HeadLoss {
  /** sum_b w_b * -log(clip(p_b[label_b])) over the slice (not yet divided by the batch size). */
  weightedLossSum: number;
  /** Samples whose argmax probability is the target's argmax. */
  correct: number;
}

export function allocateHeadActivations(k: Kernels, head: HeadBuffers, capacity: number): void {
  head.dense = k.alloc(capacity * head.denseUnits);
  head.relu = k.alloc(capacity * head.denseUnits);
  head.probabilities = k.alloc(capacity * CLASSES);
  head.dRelu = k.alloc(capacity * head.denseUnits);
  head.dLogits = k.alloc(capacity * CLASSES);
}

/** input [n, in] -> relu(input Wd + bd) -> softmax(. Wo + bo) into head.probabilities [n, 2]. */
export function headForward(k: Kernels, head: HeadBuffers, input: number, n: number): void {
  const d = head.denseUnits;
  k.repeatRow(n, d, head.denseBias, head.dense);
  k.gemm(n, d, head.inputSize, input, head.inputSize, 1, head.denseKernel, d, head.dense, d, true);
  const heap = k.heap();
  for (let i = 0; i < n * d; i++) heap[head.relu + i] = Math.max(heap[head.dense + i], 0);
  k.repeatRow(n, CLASSES, head.outputBias, head.probabilities);
  k.gemm(n, CLASSES, d, head.relu, d, 1, head.outputKernel, CLASSES, head.probabilities, CLASSES, true);
  for (let b = 0; b < n; b++) {
    const p = head.probabilities + b * CLASSES;
    const max = Math.max(heap[p], heap[p + 1]);
    const e0 = Math.exp(heap[p] - max);
    const e1 = Math.exp(heap[p + 1] - max);
    heap[p] = e0 / (e0 + e1);
    heap[p + 1] = e1 / (e0 + e1);
  }
}

/**
 * Loss of the slice and the gradient of (sum_b w_b ce_b) * lossScale w.r.t. the logits, into
 * head.dLogits. Through the clip, as in tfjs, a probability outside [EPSILON, 1 - EPSILON] passes
 * no gradient. `targets` [n, 2] (one-hot or soft), `weights` [n].
 */
export function headLoss(k: Kernels, head: HeadBuffers, n: number, targets: Float32Array, weights: Float32Array, lossScale: number): HeadLoss {
  const heap = k.heap();
  let weightedLossSum = 0;
  let correct = 0;
  for (let b = 0; b < n; b++) {
    const p = head.probabilities + b * CLASSES;
    const y0 = targets[b * CLASSES], y1 = targets[b * CLASSES + 1];
    const p0 = heap[p], p1 = heap[p + 1];
    const w = weights[b];
    weightedLossSum -= w * (y0 * Math.log(Math.min(Math.max(p0, EPSILON), 1 - EPSILON)) + y1 * Math.log(Math.min(Math.max(p1, EPSILON), 1 - EPSILON)));
    if ((p1 > p0 ? 1 : 0) === (y1 > y0 ? 1 : 0)) correct++;
    const dp0 = p0 >= EPSILON && p0 <= 1 - EPSILON ? (-lossScale * w * y0) / p0 : 0;
    const dp1 = p1 >= EPSILON && p1 <= 1 - EPSILON ? (-lossScale * w * y1) / p1 : 0;
    const dot = dp0 * p0 + dp1 * p1;
    heap[head.dLogits + b * CLASSES] = p0 * (dp0 - dot);
    heap[head.dLogits + b * CLASSES + 1] = p1 * (dp1 - dot);
  }
  return { weightedLossSum, correct };
}

/** Head gradients from head.dLogits; writes the gradient w.r.t. `input` [n, in] to `dInput`. */
export function headBackward(k: Kernels, head: HeadBuffers, input: number, n: number, dInput: number): void {
  const d = head.denseUnits;
  k.gemm(d, CLASSES, n, head.relu, 1, d, head.dLogits, CLASSES, head.gradOutputKernel, CLASSES, false);
  k.columnSums(n, CLASSES, head.dLogits, head.gradOutputBias, false);
  k.gemm(n, d, CLASSES, head.dLogits, CLASSES, 1, head.outputKernelT, d, head.dRelu, d, false);
  const heap = k.heap();
  for (let i = 0; i < n * d; i++) if (!(heap[head.dense + i] > 0)) heap[head.dRelu + i] = 0;
  k.gemm(head.inputSize, d, n, input, 1, head.inputSize, head.dRelu, d, head.gradDenseKernel, d, false);
  k.columnSums(n, d, head.dRelu, head.gradDenseBias, false);
  k.gemm(n, head.inputSize, d, head.dRelu, d, 1, head.denseKernelT, head.inputSize, dInput, head.inputSize, false);
}
