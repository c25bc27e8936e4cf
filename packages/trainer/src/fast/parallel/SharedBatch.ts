import type { MessagePort } from 'node:worker_threads';
import type { KernelKind } from '../kernels/Kernels';
import { CLASSES, parameterLayout, type RecurrentArchitecture } from '../RecurrentArchitecture';

/** Control words (Int32, index into SharedBatch.control). */
export const STATE = 0;
export const COUNT = 1;
export const HAS_MASKS = 2;
export const PARAMS_VERSION = 3;

/** Values of control[STATE]. */
export const STARTING = 0;
export const IDLE = 1;
export const RUN = 2;
export const DONE = 3;
export const FAILED = 4;
export const STOP = 5;

/** What a gradient worker is started with (worker_threads workerData). */
export interface WorkerSetup {
  arch: RecurrentArchitecture;
  kernels: KernelKind;
  capacity: number;
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
  scalars: SharedArrayBuffer;
  /** The worker posts the message of an error here before signalling FAILED. */
  errors: MessagePort;
}

/**
 * Views over the memory a gradient worker shares with the main thread: the parameters (written
 * by the main thread after each Adam step), the worker's share of a batch, the gradients it
 * returns, and [lossScale, weightedLossSum, correct] as float64.
 */
export interface SharedBatch {
  control: Int32Array;
  params: Float32Array;
  grads: Float32Array;
  windows: Float32Array;
  targets: Float32Array;
  weights: Float32Array;
  /** One per recurrent layer, sized for `capacity` samples. */
  masks: Float32Array[];
  scalars: Float64Array;
}

/** Allocates the shared buffers for a worker handling up to `capacity` samples. */
export function createSharedBuffers(arch: RecurrentArchitecture, capacity: number): Pick<WorkerSetup, 'control' | 'data' | 'scalars'> {
  return {
    control: new SharedArrayBuffer(16 * 4),
    data: new SharedArrayBuffer(sharedFloats(arch, capacity) * 4),
    scalars: new SharedArrayBuffer(4 * 8),
  };
}

/** Views over buffers made by createSharedBuffers (the same on both sides). */
export function sharedBatchViews(arch: RecurrentArchitecture, capacity: number, buffers: Pick<WorkerSetup, 'control' | 'data' | 'scalars'>): SharedBatch {
  const size = parameterLayout(arch).size;
  let offset = 0;
  const take = (count: number) => {
    const view = new Float32Array(buffers.data, offset * 4, count);
    offset += count;
    return view;
  };
  const { windowLength: w, recurrentUnits: units } = arch;
  return {
    control: new Int32Array(buffers.control),
    params: take(size),
    grads: take(size),
    windows: take(capacity * w * arch.featureCount),
    targets: take(capacity * CLASSES),
    weights: take(capacity),
    masks: units.map((u, l) => take(l < units.length - 1 ? capacity * w * u : capacity * u)),
    scalars: new Float64Array(buffers.scalars),
  };
}

function sharedFloats(arch: RecurrentArchitecture, capacity: number): number {
  const { windowLength: w, recurrentUnits: units } = arch;
  const masks = units.reduce((sum, u, l) => sum + (l < units.length - 1 ? capacity * w * u : capacity * u), 0);
  return 2 * parameterLayout(arch).size + capacity * (w * arch.featureCount + CLASSES + 1) + masks;
}
