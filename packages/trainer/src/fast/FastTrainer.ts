import { AdamState, DEFAULT_ADAM, type AdamSettings, type AdamSnapshot } from './AdamState';
import { DropoutMaskStream } from './dropoutMask';
import { FastEngineError } from './FastEngineError';
import { createKernels, selectKernels, type KernelChoice } from './kernels/loadKernels';
import type { KernelKind, Kernels } from './kernels/Kernels';
import { parameterLayout, type RecurrentArchitecture, type ParameterLayout } from './RecurrentArchitecture';
import { GradientEngine, type BatchSlice, type SliceResult } from './GradientEngine';
import { GradientWorker } from './parallel/GradientWorker';
import { MIN_SPLIT_BATCH, resolveThreads, type ThreadChoice } from './threads';

/** One training batch, shaped like the training loop's Batch (sample-major). */
export interface TrainingBatch {
  size: number;
  /** [size, W, F] normalised windows. */
  windows: Float32Array;
  /** [size, 2] one-hot targets [SELL, BUY]. */
  targets: Float32Array;
  /** [size] loss weights (class weights). */
  weights: Float32Array;
}

/** Loss and accuracy of one step, measured on the batch before the update (as tfjs's trainStep). */
export interface FastStepResult {
  /** mean_b(w_b * -log(clip(p_b[label_b]))): the value tfjs's training step minimises. */
  loss: number;
  correct: number;
}

export interface FastTrainerOptions {
  architecture: RecurrentArchitecture;
  /** Initial parameters, flat in parameterLayout order (readModelWeights gives them for a tfjs model). */
  weights: Float32Array;
  /** Adam settings; defaults are tf.train.adam's (learning rate 0.001, betas 0.9 / 0.999, epsilon 1e-7). */
  adam?: Partial<AdamSettings>;
  /** The usual batch size: buffers are sized for it (and grow if a larger batch comes). Default 64. */
  batchSize?: number;
  threads?: ThreadChoice;
  kernels?: KernelChoice;
}

/**
 * Trains the recurrent (LSTM or GRU) classifier on the CPU without tfjs: fused-gate forward and
 * backward passes through time in wasm SIMD (or plain-JS) kernels, tfjs-compatible dropout and
 * Adam, and optionally a worker thread taking half of every batch. Same maths as the tfjs models
 * built by src/models/lstm.ts and gru.ts (parity tests bind them); weights move in tfjs order.
 */
export class FastTrainer {
  readonly kernels: KernelKind;
  /** e.g. "wasm-simd kernels (build/kernels.wasm), 2 threads". */
  readonly description: string;
  readonly threads: 1 | 2;
  readonly layout: ParameterLayout;
  private readonly engine: GradientEngine;
  private readonly heap: Kernels;
  private readonly adam: AdamState;
  private readonly scratch: number;
  private readonly masks: Float32Array<ArrayBuffer>[];
  private worker: GradientWorker | null = null;
  private workerCapacity = 0;
  private workerParamsStale = true;
  private capacity: number;

  constructor(private readonly options: FastTrainerOptions) {
    const arch = options.architecture;
    this.layout = parameterLayout(arch);
    const selection = selectKernels(options.kernels ?? 'auto');
    this.kernels = selection.kind;
    this.capacity = options.batchSize ?? 64;
    if (!Number.isInteger(this.capacity) || this.capacity < 1) throw new FastEngineError(`batchSize must be a positive integer, got ${options.batchSize}`);
    this.threads = resolveThreads(options.threads ?? 'auto');
    this.heap = createKernels(this.kernels);
    this.engine = new GradientEngine(arch, this.heap, this.threads === 2 ? Math.ceil(this.capacity / 2) : this.capacity);
    this.engine.setParameters(options.weights);
    this.adam = new AdamState(this.heap, this.layout.size, { ...DEFAULT_ADAM, ...options.adam });
    this.scratch = this.heap.alloc(this.layout.size);
    this.masks = this.maskBuffers(this.capacity);
    this.description = `${selection.reason} kernels, ${this.threads} thread${this.threads > 1 ? 's' : ''}`;
  }

  get architecture(): RecurrentArchitecture {
    return this.options.architecture;
  }

  get learningRate(): number {
    return this.adam.learningRate;
  }

  set learningRate(value: number) {
    this.adam.learningRate = value;
  }

  /**
   * One Adam step on the batch's class-weighted cross-entropy with dropout active.
   * `dropoutSeeds` (one per recurrent layer's Dropout) give the masks tfjs's Dropout layers draw
   * with those seeds; without them the masks are random.
   */
  trainBatch(batch: TrainingBatch, dropoutSeeds?: readonly (number | undefined)[]): FastStepResult {
    const result = this.gradients(batch, dropoutSeeds, true);
    this.adam.step(this.engine.params, this.engine.grads);
    this.engine.refreshTransposes();
    this.workerParamsStale = true;
    return result;
  }

  /** The batch's loss and its gradient w.r.t. every parameter (flat, parameterLayout order), without a step. */
  computeGradients(batch: TrainingBatch, options: { dropoutSeeds?: readonly (number | undefined)[]; dropout?: boolean } = {}): FastStepResult & { gradients: Float32Array } {
    const result = this.gradients(batch, options.dropoutSeeds, options.dropout ?? true);
    return { ...result, gradients: this.engine.gradientView().slice() };
  }

  /** Softmax probabilities [count, 2] ([p(SELL), p(BUY)]) of `windows` [count, W, F], dropout off. */
  predict(windows: Float32Array, count: number): Float32Array {
    return this.engine.predict(windows, count);
  }

  /** The weights in tfjs getWeights() order (copies), shaped as layout.slots say. */
  getWeights(): Float32Array[] {
    const flat = this.engine.parameterView();
    return this.layout.slots.map((slot) => flat.slice(slot.offset, slot.offset + slot.size));
  }

  /** All weights as one flat vector (a copy). */
  getFlatWeights(): Float32Array {
    return this.engine.parameterView().slice();
  }

  /** Replaces the weights: a flat vector, or one array per tensor in tfjs order. */
  setWeights(weights: Float32Array | readonly Float32Array[]): void {
    let flat: Float32Array;
    if (weights instanceof Float32Array) {
      flat = weights;
    } else {
      if (weights.length !== this.layout.slots.length) throw new FastEngineError(`expected ${this.layout.slots.length} weight arrays, got ${weights.length}`);
      flat = new Float32Array(this.layout.size);
      this.layout.slots.forEach((slot, i) => {
        if (weights[i].length !== slot.size) throw new FastEngineError(`weight ${i} (${slot.name}) must have ${slot.size} values, got ${weights[i].length}`);
        flat.set(weights[i], slot.offset);
      });
    }
    this.engine.setParameters(flat);
    this.workerParamsStale = true;
  }

  /** Adam's step count and moments, for checkpoints (tfjs's optimizer.getWeights() holds the same). */
  getOptimizerState(): AdamSnapshot {
    return this.adam.snapshot();
  }

  setOptimizerState(snapshot: AdamSnapshot): void {
    if (snapshot.m.length !== this.layout.size || snapshot.v.length !== this.layout.size) {
      throw new FastEngineError(`optimizer moments must have ${this.layout.size} values each, got ${snapshot.m.length} and ${snapshot.v.length}`);
    }
    this.adam.restore(snapshot);
  }

  /** Stops the worker thread (if any). The trainer must not be used afterwards. */
  dispose(): void {
    this.worker?.dispose();
    this.worker = null;
  }

  private gradients(batch: TrainingBatch, seeds: readonly (number | undefined)[] | undefined, dropout: boolean): FastStepResult {
    const n = batch.size;
    if (!Number.isInteger(n) || n < 1) throw new FastEngineError(`batch size must be a positive integer, got ${n}`);
    const streams = dropout && this.architecture.dropout > 0 ? this.maskStreams(n, seeds) : null;
    const masks = streams && this.masks.map((mask) => mask.subarray(0, (mask.length / this.capacity) * n));
    // Masks are drawn in sample order; each slice draws its part just before it is needed.
    const slice = (start: number, end: number): BatchSlice => {
      const { windowLength: w, featureCount: f } = this.architecture;
      const part = masks && masks.map((mask) => mask.subarray((start * mask.length) / n, (end * mask.length) / n));
      part?.forEach((mask, l) => streams![l].fill(mask));
      return {
        count: end - start,
        windows: batch.windows.subarray(start * w * f, end * w * f),
        targets: batch.targets.subarray(start * 2, end * 2),
        weights: batch.weights.subarray(start, end),
        masks: part,
        lossScale: 1 / n,
      };
    };
    if (this.threads === 1 || n < MIN_SPLIT_BATCH) {
      const result = this.engine.computeGradients(slice(0, n));
      return { loss: result.weightedLossSum / n, correct: result.correct };
    }
    // The worker takes the first half, so it starts before the main thread draws its own masks.
    const half = Math.floor(n / 2);
    const worker = this.ensureWorker(half);
    worker.start(slice(0, half), this.workerParamsStale ? this.engine.parameterView() : null);
    this.workerParamsStale = false;
    let own: SliceResult;
    let theirs: SliceResult;
    try {
      own = this.engine.computeGradients(slice(half, n));
      theirs = worker.finish();
    } catch (error) {
      // a worker in an unknown state is not reused: the next batch starts a fresh one
      worker.dispose();
      this.worker = null;
      throw error;
    }
    this.heap.heap().set(worker.gradients, this.scratch);
    this.heap.addTo(this.layout.size, this.scratch, this.engine.grads);
    return { loss: (own.weightedLossSum + theirs.weightedLossSum) / n, correct: own.correct + theirs.correct };
  }

  private ensureWorker(count: number): GradientWorker {
    const needed = Math.max(count, Math.ceil(this.capacity / 2));
    if (this.worker && this.workerCapacity >= needed) return this.worker;
    this.worker?.dispose();
    this.worker = new GradientWorker(this.architecture, this.kernels, needed);
    this.workerCapacity = needed;
    this.workerParamsStale = true;
    return this.worker;
  }

  /** One mask stream per recurrent layer's Dropout, seeded as tfjs's Dropout layers seed theirs. */
  private maskStreams(n: number, seeds: readonly (number | undefined)[] | undefined): DropoutMaskStream[] {
    const { recurrentUnits: units, dropout } = this.architecture;
    if (seeds !== undefined && seeds.length !== units.length) throw new FastEngineError(`expected ${units.length} dropout seeds (one per recurrent layer), got ${seeds.length}`);
    if (n > this.capacity) {
      this.capacity = n;
      this.masks.splice(0, this.masks.length, ...this.maskBuffers(n));
    }
    return units.map((_, l) => new DropoutMaskStream(dropout, seeds?.[l]));
  }

  private maskBuffers(capacity: number): Float32Array<ArrayBuffer>[] {
    const { recurrentUnits: units, windowLength: w } = this.architecture;
    return units.map((u, l) => new Float32Array((l < units.length - 1 ? w : 1) * capacity * u));
  }
}

/** Creates a fast trainer (see FastTrainer). */
export function createFastTrainer(options: FastTrainerOptions): FastTrainer {
  return new FastTrainer(options);
}
