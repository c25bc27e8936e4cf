import { workerData } from 'node:worker_threads';
import { createKernels } from '../kernels/loadKernels';
import { GradientEngine } from '../GradientEngine';
import { COUNT, DONE, FAILED, HAS_MASKS, IDLE, PARAMS_VERSION, RUN, sharedBatchViews, STATE, STOP, type WorkerSetup } from './SharedBatch';

/*
 * The worker's loop: wait for RUN, compute the gradients of its share of the batch on its own
 * kernel heap, publish them, signal DONE. Synchronous on both sides (Atomics), so a training step
 * costs no event-loop round trips. Errors are published as FAILED plus a message on `errors`.
 */
const setup = workerData as WorkerSetup;
const shared = sharedBatchViews(setup.arch, setup.capacity, setup);
const { control } = shared;
let engine: GradientEngine;
try {
  engine = new GradientEngine(setup.arch, createKernels(setup.kernels), setup.capacity);
} catch (error) {
  fail(error);
  throw error;
}
let paramsVersion = -1;
publish(IDLE);

for (;;) {
  let state = Atomics.load(control, STATE);
  while (state !== RUN && state !== STOP) {
    Atomics.wait(control, STATE, state);
    state = Atomics.load(control, STATE);
  }
  if (state === STOP) break;
  try {
    const count = control[COUNT];
    if (control[PARAMS_VERSION] !== paramsVersion) {
      engine.setParameters(shared.params);
      paramsVersion = control[PARAMS_VERSION];
    }
    const { arch } = setup;
    const result = engine.computeGradients({
      count,
      windows: shared.windows.subarray(0, count * arch.windowLength * arch.featureCount),
      targets: shared.targets.subarray(0, count * 2),
      weights: shared.weights.subarray(0, count),
      masks: control[HAS_MASKS] ? shared.masks.map((mask) => mask.subarray(0, (mask.length / setup.capacity) * count)) : null,
      lossScale: shared.scalars[0],
    });
    shared.grads.set(engine.gradientView());
    shared.scalars[1] = result.weightedLossSum;
    shared.scalars[2] = result.correct;
    publish(DONE);
  } catch (error) {
    fail(error);
  }
}

function publish(state: number): void {
  Atomics.store(control, STATE, state);
  Atomics.notify(control, STATE);
}

function fail(error: unknown): void {
  // posted before FAILED is published, so the main thread finds it with receiveMessageOnPort
  setup.errors.postMessage(error instanceof Error ? error.message : String(error));
  publish(FAILED);
}
