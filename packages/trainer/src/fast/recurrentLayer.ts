import { gruBackward, gruForward } from './gruLayer';
import type { Kernels } from './kernels/Kernels';
import { lstmBackward, lstmForward } from './lstmLayer';
import type { RecurrentCell } from './RecurrentArchitecture';

/**
 * One recurrent layer's place in the heap: its weights (in the flat parameter vector), their
 * transposes (for the backward products), its gradients and its activations for up to
 * `capacity` samples. Sequences are time-major: step t of sample b is row t * n + b, so one
 * step of the whole batch is one contiguous [n, units] block. Element offsets; -1 = not used by
 * this cell.
 */
export interface RecurrentLayerBuffers {
  cell: RecurrentCell;
  inputSize: number;
  units: number;
  /** 4 (LSTM) or 3 (GRU). */
  gates: number;
  kernel: number;
  recurrent: number;
  bias: number;
  /** kernel^T [G U, in] (only when the layer below needs its input gradient) and recurrent^T [G U, U]. */
  kernelT: number;
  recurrentT: number;
  gradKernel: number;
  gradRecurrent: number;
  gradBias: number;
  /** Gates [W n, G U]: pre-activations, then activations, then (after backward) their gradients. */
  z: number;
  /** h [(W + 1) n, U]; block 0 is the zero initial state, block t + 1 the output of step t. */
  h: number;
  /** LSTM: cell state (same layout as h) and tanh of it [W n, U]. */
  c: number;
  tanhC: number;
  /** GRU: r * h_prev per step [W n, U] and its gradient for one step [n, U]. */
  rh: number;
  dRh: number;
  /** Gradient w.r.t. the layer's output at every step [W n, U]. */
  dh: number;
  /** LSTM: gradient w.r.t. the cell state carried backwards; GRU: scratch [n, U]. */
  dc: number;
}

/** Reserves a layer's activation buffers for `capacity` samples of `windowLength` steps. */
export function allocateRecurrentActivations(k: Kernels, layer: RecurrentLayerBuffers, windowLength: number, capacity: number): void {
  const { units, gates } = layer;
  const lstm = layer.cell === 'lstm';
  layer.z = k.alloc(windowLength * capacity * gates * units);
  layer.h = k.alloc((windowLength + 1) * capacity * units);
  layer.c = lstm ? k.alloc((windowLength + 1) * capacity * units) : -1;
  layer.tanhC = lstm ? k.alloc(windowLength * capacity * units) : -1;
  layer.rh = lstm ? -1 : k.alloc(windowLength * capacity * units);
  layer.dRh = lstm ? -1 : k.alloc(capacity * units);
  layer.dh = k.alloc(windowLength * capacity * units);
  layer.dc = k.alloc(capacity * units);
}

/**
 * Runs the layer over the time-major input x [W n, in]; outputs land in h blocks 1..W.
 * `stepMask` [W n] (1 = real step, 0 = padding; null = no padding) as paddedSteps.ts describes.
 */
export function recurrentForward(k: Kernels, layer: RecurrentLayerBuffers, x: number, n: number, windowLength: number, stepMask: Uint8Array | null): void {
  if (layer.cell === 'lstm') lstmForward(k, layer, x, n, windowLength, stepMask);
  else gruForward(k, layer, x, n, windowLength, stepMask);
}

/**
 * Backpropagation through time. On entry layer.dh holds the gradient arriving at each step's
 * output from above: every step when `gradientAtEveryStep` (the layer returns sequences), else
 * only the last step (blocks before it are then overwritten, not read). Writes the weight
 * gradients and, when `dx` is given, the gradient w.r.t. the input sequence [W n, in] there.
 */
export function recurrentBackward(k: Kernels, layer: RecurrentLayerBuffers, x: number, n: number, windowLength: number, stepMask: Uint8Array | null, gradientAtEveryStep: boolean, dx: number | null): void {
  if (layer.cell === 'lstm') lstmBackward(k, layer, x, n, windowLength, stepMask, gradientAtEveryStep, dx);
  else gruBackward(k, layer, x, n, windowLength, stepMask, gradientAtEveryStep, dx);
}

/** The input projection of all steps at once: z = x kernel + bias, [W n, G U]. */
export function projectInputs(k: Kernels, layer: RecurrentLayerBuffers, x: number, n: number, windowLength: number): void {
  const width = layer.gates * layer.units;
  k.repeatRow(windowLength * n, width, layer.bias, layer.z);
  k.gemm(windowLength * n, width, layer.inputSize, x, layer.inputSize, 1, layer.kernel, width, layer.z, width, true);
}

/** Gradients shared by both cells once z holds the pre-activation gradients: input kernel, bias, input. */
export function inputGradients(k: Kernels, layer: RecurrentLayerBuffers, x: number, n: number, windowLength: number, dx: number | null): void {
  const width = layer.gates * layer.units;
  const rows = windowLength * n;
  k.gemm(layer.inputSize, width, rows, x, 1, layer.inputSize, layer.z, width, layer.gradKernel, width, false);
  k.columnSums(rows, width, layer.z, layer.gradBias, false);
  if (dx !== null) k.gemm(rows, layer.inputSize, width, layer.z, width, 1, layer.kernelT, layer.inputSize, dx, layer.inputSize, false);
}
