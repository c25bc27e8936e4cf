import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { FastEngineError } from '../FastEngineError';
import type { KernelKind } from '../kernels/Kernels';
import type { RecurrentArchitecture } from '../RecurrentArchitecture';
import type { BatchSlice, SliceResult } from '../GradientEngine';
import { COUNT, createSharedBuffers, DONE, FAILED, HAS_MASKS, IDLE, PARAMS_VERSION, RUN, sharedBatchViews, STARTING, STATE, STOP, type SharedBatch, type WorkerSetup } from './SharedBatch';

/** How long the main thread waits for a worker to load its engine before giving up on it. */
const START_TIMEOUT_MS = 60_000;

/**
 * A worker thread with its own gradient engine, driven synchronously: `start` hands it a slice
 * of the batch (and new parameters when they changed), `finish` blocks until its gradients are
 * in `gradients`. The thread is unref'd, so a forgotten worker never keeps the process alive.
 */
export class GradientWorker {
  private readonly worker: Worker;
  private readonly shared: SharedBatch;
  private readonly errors: MessageChannel;
  private paramsVersion = 0;
  private running = false;

  constructor(
    private readonly arch: RecurrentArchitecture,
    kernels: KernelKind,
    private readonly capacity: number,
  ) {
    const buffers = createSharedBuffers(arch, capacity);
    this.shared = sharedBatchViews(arch, capacity, buffers);
    this.errors = new MessageChannel();
    const setup: WorkerSetup = { arch, kernels, capacity, ...buffers, errors: this.errors.port2 };
    this.worker = new Worker(new URL('./gradientWorker.mjs', import.meta.url), { workerData: setup, transferList: [this.errors.port2] });
    this.worker.unref();
    this.errors.port1.unref();
    // Blocks until the worker has compiled its kernels; they load in well under a second.
    const outcome = Atomics.wait(this.shared.control, STATE, STARTING, START_TIMEOUT_MS);
    if (outcome === 'timed-out') {
      void this.worker.terminate();
      throw new FastEngineError(`gradient worker did not start within ${START_TIMEOUT_MS / 1000} s`);
    }
    this.throwIfFailed();
  }

  /** The worker's gradients after `finish` (a view into shared memory). */
  get gradients(): Float32Array {
    return this.shared.grads;
  }

  /** Starts the worker on `slice`; `params` are sent when given (after every optimizer step). */
  start(slice: BatchSlice, params: Float32Array | null): void {
    if (slice.count > this.capacity) throw new FastEngineError(`a worker takes at most ${this.capacity} samples, got ${slice.count}`);
    const s = this.shared;
    const { windowLength: w, featureCount: f } = this.arch;
    if (params) {
      s.params.set(params);
      s.control[PARAMS_VERSION] = ++this.paramsVersion;
    }
    s.windows.set(slice.windows.subarray(0, slice.count * w * f));
    s.targets.set(slice.targets.subarray(0, slice.count * 2));
    s.weights.set(slice.weights.subarray(0, slice.count));
    s.control[HAS_MASKS] = slice.masks ? 1 : 0;
    slice.masks?.forEach((mask, l) => s.masks[l].set(mask));
    s.control[COUNT] = slice.count;
    s.scalars[0] = slice.lossScale;
    this.running = true;
    Atomics.store(s.control, STATE, RUN);
    Atomics.notify(s.control, STATE);
  }

  /** Waits for the slice started last; returns its loss sum and correct count. */
  finish(): SliceResult {
    if (!this.running) throw new FastEngineError('finish() without start()');
    Atomics.wait(this.shared.control, STATE, RUN);
    this.running = false;
    this.throwIfFailed();
    if (Atomics.load(this.shared.control, STATE) !== DONE) throw new FastEngineError(`gradient worker is in state ${this.shared.control[STATE]}, expected done`);
    Atomics.store(this.shared.control, STATE, IDLE);
    return { weightedLossSum: this.shared.scalars[1], correct: this.shared.scalars[2] };
  }

  /** Stops the thread. */
  dispose(): void {
    Atomics.store(this.shared.control, STATE, STOP);
    Atomics.notify(this.shared.control, STATE);
    void this.worker.terminate();
    this.errors.port1.close();
  }

  private throwIfFailed(): void {
    if (Atomics.load(this.shared.control, STATE) !== FAILED) return;
    const message = receiveMessageOnPort(this.errors.port1)?.message ?? 'no message';
    throw new FastEngineError(`gradient worker failed: ${message}`);
  }
}
