import { allocateHeadActivations, headBackward, headForward, headLoss, type HeadBuffers } from './classifierHead';
import { FastEngineError } from './FastEngineError';
import type { Kernels } from './kernels/Kernels';
import { CLASSES, parameterLayout, type RecurrentArchitecture, type ParameterLayout } from './RecurrentArchitecture';
import { allocateRecurrentActivations, recurrentBackward, recurrentForward, type RecurrentLayerBuffers } from './recurrentLayer';

/** A slice of a training batch, as the training loop's Batch holds it (sample-major). */
export interface BatchSlice {
  count: number;
  /** [count, W, F]. */
  windows: Float32Array;
  /** [count, 2] one-hot (or soft) targets [SELL, BUY]. */
  targets: Float32Array;
  /** [count] per-sample loss weights. */
  weights: Float32Array;
  /**
   * Dropout multipliers per recurrent layer (0 or 1 / keep; see dropoutMask): [count, W, units] after
   * a layer that returns sequences, [count, units] after the last. null: no dropout.
   */
  masks: readonly Float32Array[] | null;
  /** Multiplies every gradient: 1 / (size of the whole batch), so slices add up to the batch mean. */
  lossScale: number;
}

/** What one slice contributed. */
export interface SliceResult {
  weightedLossSum: number;
  correct: number;
}

/**
 * Forward and backward passes of the recurrent classifier over one thread's kernels and heap. Holds
 * the flat parameter vector (tfjs getWeights() order), its gradient, and activations for
 * `capacity` samples (grown on demand). Knows nothing of optimizers or threads.
 */
export class GradientEngine {
  readonly layout: ParameterLayout;
  /** Element offsets of the parameters and of their gradients in the heap. */
  readonly params: number;
  readonly grads: number;
  private readonly layers: RecurrentLayerBuffers[];
  private readonly head: HeadBuffers;
  private capacity = 0;
  private x0 = 0;
  private sequenceMasks: number[] = [];
  private droppedSequences: number[] = [];
  private lastMask = 0;
  private droppedLast = 0;
  /** What the head read in the last forward pass: the last recurrent output, or its dropped copy. */
  private headInput = 0;
  /** Which steps of the last forward pass were real (1) or padding (0), [W n]; null without masking. */
  private stepMask: Uint8Array | null = null;

  constructor(
    readonly arch: RecurrentArchitecture,
    readonly kernels: Kernels,
    capacity: number,
  ) {
    this.layout = parameterLayout(arch);
    const k = kernels;
    const layout = this.layout;
    this.params = k.alloc(layout.size);
    this.grads = k.alloc(layout.size);
    this.layers = layout.recurrent.map((slot, l) => ({
      cell: arch.cell,
      inputSize: slot.inputSize,
      units: slot.units,
      gates: layout.gates,
      kernel: this.params + slot.kernel.offset,
      recurrent: this.params + slot.recurrent.offset,
      bias: this.params + slot.bias.offset,
      kernelT: l > 0 ? k.alloc(slot.kernel.size) : -1,
      recurrentT: k.alloc(slot.recurrent.size),
      gradKernel: this.grads + slot.kernel.offset,
      gradRecurrent: this.grads + slot.recurrent.offset,
      gradBias: this.grads + slot.bias.offset,
      z: 0, h: 0, c: -1, tanhC: -1, rh: -1, dRh: -1, dh: 0, dc: 0,
    }));
    const lastUnits = layout.recurrent[layout.recurrent.length - 1].units;
    this.head = {
      inputSize: lastUnits,
      denseUnits: arch.denseUnits,
      denseKernel: this.params + layout.dense.kernel.offset,
      denseBias: this.params + layout.dense.bias.offset,
      outputKernel: this.params + layout.output.kernel.offset,
      outputBias: this.params + layout.output.bias.offset,
      denseKernelT: k.alloc(layout.dense.kernel.size),
      outputKernelT: k.alloc(layout.output.kernel.size),
      gradDenseKernel: this.grads + layout.dense.kernel.offset,
      gradDenseBias: this.grads + layout.dense.bias.offset,
      gradOutputKernel: this.grads + layout.output.kernel.offset,
      gradOutputBias: this.grads + layout.output.bias.offset,
      dense: 0, relu: 0, probabilities: 0, dRelu: 0, dLogits: 0,
    };
    this.ensureCapacity(capacity);
  }

  /** Copies a flat parameter vector (tfjs order) in. */
  setParameters(values: Float32Array): void {
    if (values.length !== this.layout.size) throw new FastEngineError(`parameter vector must have ${this.layout.size} values, got ${values.length}`);
    this.kernels.heap().set(values, this.params);
    this.refreshTransposes();
  }

  /** A view of the parameters in the heap (valid until the next allocation). */
  parameterView(): Float32Array {
    return this.kernels.heap().subarray(this.params, this.params + this.layout.size);
  }

  /** A view of the gradients of the last computeGradients call. */
  gradientView(): Float32Array {
    return this.kernels.heap().subarray(this.grads, this.grads + this.layout.size);
  }

  /** Rebuilds the transposed weight copies; call after changing parameters in the heap directly. */
  refreshTransposes(): void {
    const heap = this.kernels.heap();
    for (const layer of this.layers) {
      const g = layer.gates * layer.units;
      transpose(heap, layer.recurrent, layer.units, g, layer.recurrentT);
      if (layer.kernelT >= 0) transpose(heap, layer.kernel, layer.inputSize, g, layer.kernelT);
    }
    transpose(heap, this.head.denseKernel, this.head.inputSize, this.head.denseUnits, this.head.denseKernelT);
    transpose(heap, this.head.outputKernel, this.head.denseUnits, CLASSES, this.head.outputKernelT);
  }

  /**
   * Gradient of lossScale * sum_b w_b * CE_b w.r.t. every parameter, into the gradient vector
   * (overwritten), with dropout as the masks say.
   */
  computeGradients(slice: BatchSlice): SliceResult {
    const { count: n } = slice;
    const { windowLength: w, featureCount: f } = this.arch;
    checkLength('windows', slice.windows, n * w * f);
    checkLength('targets', slice.targets, n * CLASSES);
    checkLength('weights', slice.weights, n);
    if (n === 0) {
      this.gradientView().fill(0);
      return { weightedLossSum: 0, correct: 0 };
    }
    this.forward(slice.windows, n, slice.masks);
    const loss = headLoss(this.kernels, this.head, n, slice.targets, slice.weights, slice.lossScale);
    this.backward(n, slice.masks !== null);
    return loss;
  }

  /** Softmax probabilities [count, 2] of `windows` [count, W, F], dropout off. */
  predict(windows: Float32Array, count: number, out = new Float32Array(count * CLASSES)): Float32Array {
    const { windowLength: w, featureCount: f } = this.arch;
    checkLength('windows', windows, count * w * f);
    for (let start = 0; start < count; start += this.capacity) {
      const n = Math.min(this.capacity, count - start);
      this.forward(windows.subarray(start * w * f, (start + n) * w * f), n, null);
      const heap = this.kernels.heap();
      out.set(heap.subarray(this.head.probabilities, this.head.probabilities + n * CLASSES), start * CLASSES);
    }
    return out;
  }

  /** Makes room for batches of `capacity` samples. */
  ensureCapacity(capacity: number): void {
    if (capacity <= this.capacity) return;
    const k = this.kernels;
    const w = this.arch.windowLength;
    this.capacity = capacity;
    this.x0 = k.alloc(w * capacity * this.arch.featureCount);
    for (const layer of this.layers) allocateRecurrentActivations(k, layer, w, capacity);
    this.sequenceMasks = this.layers.slice(0, -1).map((layer) => k.alloc(w * capacity * layer.units));
    this.droppedSequences = this.layers.slice(0, -1).map((layer) => k.alloc(w * capacity * layer.units));
    this.lastMask = k.alloc(capacity * this.head.inputSize);
    this.droppedLast = k.alloc(capacity * this.head.inputSize);
    allocateHeadActivations(k, this.head, capacity);
  }

  private forward(windows: Float32Array, n: number, masks: readonly Float32Array[] | null): void {
    this.ensureCapacity(n);
    const k = this.kernels;
    const { windowLength: w, featureCount: f } = this.arch;
    if (masks !== null && masks.length !== this.layers.length) throw new FastEngineError(`expected ${this.layers.length} dropout masks (one per recurrent layer), got ${masks.length}`);
    toTimeMajor(k.heap(), windows, n, w, f, this.x0);
    this.stepMask = this.arch.maskValue === null ? null : realSteps(windows, n, w, f, this.arch.maskValue);
    let x = this.x0;
    this.layers.forEach((layer, l) => {
      recurrentForward(k, layer, x, n, w, this.stepMask);
      const outputs = layer.h + n * layer.units;
      if (l === this.layers.length - 1) return;
      if (masks === null) {
        x = outputs;
        return;
      }
      checkLength(`masks[${l}]`, masks[l], n * w * layer.units);
      toTimeMajor(k.heap(), masks[l], n, w, layer.units, this.sequenceMasks[l]);
      k.multiply(w * n * layer.units, outputs, this.sequenceMasks[l], this.droppedSequences[l]);
      x = this.droppedSequences[l];
    });
    const last = this.layers[this.layers.length - 1];
    const lastOutput = last.h + w * n * last.units;
    this.headInput = lastOutput;
    if (masks !== null) {
      const mask = masks[this.layers.length - 1];
      checkLength(`masks[${this.layers.length - 1}]`, mask, n * last.units);
      k.heap().set(mask, this.lastMask);
      this.headInput = this.droppedLast;
      k.multiply(n * last.units, lastOutput, this.lastMask, this.headInput);
    }
    headForward(k, this.head, this.headInput, n);
  }

  private backward(n: number, dropout: boolean): void {
    const k = this.kernels;
    const w = this.arch.windowLength;
    const count = this.layers.length;
    const last = this.layers[count - 1];
    const dLastOutput = last.dh + (w - 1) * n * last.units;
    headBackward(k, this.head, this.headInput, n, dLastOutput);
    if (dropout) k.multiply(n * last.units, dLastOutput, this.lastMask, dLastOutput);
    for (let l = count - 1; l >= 0; l--) {
      const layer = this.layers[l];
      const below = l > 0 ? this.layers[l - 1] : null;
      const input = l === 0 ? this.x0 : dropout ? this.droppedSequences[l - 1] : below!.h + n * below!.units;
      recurrentBackward(k, layer, input, n, w, this.stepMask, l < count - 1, below ? below.dh : null);
      if (below && dropout) k.multiply(w * n * below.units, below.dh, this.sequenceMasks[l - 1], below.dh);
    }
  }
}

/** [n, W, width] sample-major -> [W n, width] time-major, into the heap at `dst`. */
function toTimeMajor(heap: Float32Array, src: Float32Array, n: number, w: number, width: number, dst: number): void {
  for (let b = 0; b < n; b++) {
    for (let t = 0; t < w; t++) heap.set(src.subarray((b * w + t) * width, (b * w + t + 1) * width), dst + (t * n + b) * width);
  }
}

/** [W n] time-major: 1 where a window's step has any feature other than `maskValue` (tfjs Masking). */
function realSteps(windows: Float32Array, n: number, w: number, f: number, maskValue: number): Uint8Array {
  const mask = new Uint8Array(w * n);
  for (let b = 0; b < n; b++) {
    for (let t = 0; t < w; t++) {
      const row = (b * w + t) * f;
      for (let j = 0; j < f; j++) {
        if (windows[row + j] !== maskValue) {
          mask[t * n + b] = 1;
          break;
        }
      }
    }
  }
  return mask;
}

/** heap[dst + j * rows + i] = heap[src + i * cols + j]. */
function transpose(heap: Float32Array, src: number, rows: number, cols: number, dst: number): void {
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) heap[dst + j * rows + i] = heap[src + i * cols + j];
}

function checkLength(name: string, values: ArrayLike<number>, expected: number): void {
  if (values.length !== expected) throw new FastEngineError(`${name} must have ${expected} values, got ${values.length}`);
}
