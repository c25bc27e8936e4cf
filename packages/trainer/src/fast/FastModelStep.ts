import * as tf from '@tensorflow/tfjs';
import { materializeWindows, type Dataset } from '@candlecast/shared';
import type { Batch } from '../training/batches';
import type { StepResult } from '../training/trainStep';
import { FastEngineError } from './FastEngineError';
import { createFastTrainer } from './FastTrainer';
import { selectKernels, type KernelChoice } from './kernels/loadKernels';
import { dropoutLayerIndices, recurrentArchitectureOf, readModelWeights, writeModelWeights } from './tfjsInterop';
import type { ThreadChoice } from './threads';

/** Adam's config as tfjs's AdamOptimizer.getConfig() returns it. */
interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * The fast engine behind the training loop's seams, bound to one tfjs model and its Adam
 * optimizer: `step` replaces trainStep(model, optimizer, batch) and leaves the model holding the
 * new weights, so validation, best-weight snapshots, checkpoints and export keep using the tfjs
 * model unchanged. The learning rate is read from the tfjs optimizer at every step, so a
 * reduce-on-plateau that sets it there applies here too.
 */
export interface FastModelStep {
  /** e.g. "fast: wasm-simd (build/kernels.wasm) kernels, 2 threads". */
  readonly description: string;
  /** One Adam step; `dropoutSeed` seeds the Dropout layers as seedDropoutLayers(model, seed) would. */
  step(batch: Batch, dropoutSeed: number | undefined): StepResult;
  /** p(BUY) for dataset samples, like predictProbabilities(model, ...) but on the fast engine. */
  predictProbabilities(dataset: Dataset, samples: readonly number[], batchSize?: number): Float32Array;
  /** Copies Adam's step count and moments into the tfjs optimizer (before saving a checkpoint). */
  syncOptimizer(): Promise<void>;
  /** Stops the worker thread. The tfjs model and optimizer stay usable. */
  dispose(): void;
}

export interface FastModelStepOptions {
  threads?: ThreadChoice;
  kernels?: KernelChoice;
  /** The training batch size (buffers are sized for it). */
  batchSize?: number;
}

/**
 * Binds the fast engine to `model` (built by src/models/lstm.ts) and `optimizer` (tf.train.adam),
 * starting from their current weights and Adam state (so it also continues a restored checkpoint).
 * Throws FastEngineError when the model is not one the engine implements: fall back to trainStep.
 */
export async function createFastModelStep(model: tf.LayersModel, optimizer: tf.Optimizer, options: FastModelStepOptions = {}): Promise<FastModelStep> {
  const architecture = recurrentArchitectureOf(model);
  const adam = optimizer.getConfig() as unknown as AdamConfig;
  const trainer = createFastTrainer({ architecture, weights: readModelWeights(model, architecture), adam, threads: options.threads, kernels: options.kernels, batchSize: options.batchSize });
  const state = await optimizer.getWeights();
  if (state.length > 1) {
    trainer.setOptimizerState({ iterations: state[0].tensor.dataSync()[0], m: flatten(state.slice(1, 1 + (state.length - 1) / 2)), v: flatten(state.slice(1 + (state.length - 1) / 2)) });
  }
  state[0]?.tensor.dispose(); // a fresh scalar; the moments are the optimizer's own variables
  const dropoutLayers = dropoutLayerIndices(model);
  const { windowLength, featureCount } = architecture;
  return {
    description: `fast: ${trainer.description}`,
    step(batch, dropoutSeed) {
      trainer.learningRate = (optimizer.getConfig() as unknown as AdamConfig).learningRate;
      const result = trainer.trainBatch(batch, dropoutSeed === undefined ? undefined : dropoutLayers.map((index) => dropoutSeed + index));
      writeModelWeights(model, architecture, trainer.getFlatWeights());
      return result;
    },
    predictProbabilities(dataset, samples, batchSize = 256) {
      const out = new Float32Array(samples.length);
      const windows = new Float32Array(Math.min(batchSize, samples.length) * windowLength * featureCount);
      for (let start = 0; start < samples.length; start += batchSize) {
        const chunk = samples.slice(start, start + batchSize);
        materializeWindows(dataset.features, featureCount, windowLength, dataset.ends, chunk, windows);
        const probabilities = trainer.predict(windows.subarray(0, chunk.length * windowLength * featureCount), chunk.length);
        for (let i = 0; i < chunk.length; i++) out[start + i] = probabilities[i * 2 + 1];
      }
      return out;
    },
    async syncOptimizer() {
      const { iterations, m, v } = trainer.getOptimizerState();
      const names = model.trainableWeights.map((weight) => weight.originalName);
      const slots = trainer.layout.slots;
      const moments = (flat: Float32Array, suffix: string) => slots.map((slot, i) => ({ name: `${names[i]}/${suffix}`, tensor: tf.tensor(flat.subarray(slot.offset, slot.offset + slot.size), slot.shape) }));
      // the optimizer's current moment variables are replaced, not reused: free them
      const old = await optimizer.getWeights();
      tf.dispose(old.map((entry) => entry.tensor));
      const fresh = [{ name: 'iter', tensor: tf.scalar(iterations, 'int32') }, ...moments(m, 'm'), ...moments(v, 'v')];
      await optimizer.setWeights(fresh);
      // the optimizer's new variables hold their own references to the data
      tf.dispose(fresh.map((entry) => entry.tensor));
    },
    dispose: () => trainer.dispose(),
  };
}

/**
 * For the training loop: the fast step for `model`, or null and why the loop should keep
 * tfjs's trainStep. `prefer: 'auto'` takes the engine only with its wasm-simd kernels (the
 * plain-JS ones train slower than tfjs's wasm backend); `'fast'` also with the JS kernels. A
 * model the engine does not implement (attention, transformer) is never an error here.
 */
export async function chooseFastModelStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  prefer: 'auto' | 'fast',
  options: Omit<FastModelStepOptions, 'kernels'> = {},
): Promise<{ step: FastModelStep | null; reason: string }> {
  const kernels = selectKernels('auto');
  if (prefer === 'auto' && kernels.kind !== 'wasm-simd') return { step: null, reason: `fast engine skipped: ${kernels.reason}` };
  try {
    const step = await createFastModelStep(model, optimizer, { ...options, kernels: kernels.kind });
    return { step, reason: step.description };
  } catch (error) {
    if (error instanceof FastEngineError) return { step: null, reason: `fast engine skipped: ${error.message}` };
    throw error;
  }
}

function flatten(entries: { tensor: tf.Tensor }[]): Float32Array {
  const total = entries.reduce((sum, entry) => sum + entry.tensor.size, 0);
  const flat = new Float32Array(total);
  let offset = 0;
  for (const entry of entries) {
    flat.set(entry.tensor.dataSync() as Float32Array, offset);
    offset += entry.tensor.size;
  }
  return flat;
}
