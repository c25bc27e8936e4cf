import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildLstm } from '../models/lstm';
import { DEFAULT_MODEL_CONFIG, type ModelConfig } from '../models/ModelConfig';
import { fillBatch, type Batch } from '../training/batches';
import { seedDropoutLayers } from '../training/dropoutSeeds';
import { predictProbabilities } from '../training/predictProbabilities';
import { plantedData, type SplitData } from '../training/testFixtures';
import { trainStep } from '../training/trainStep';
import { buildTransformer } from '../models/transformer';
import { chooseFastModelStep, createFastModelStep } from './FastModelStep';

const CONFIG: ModelConfig = { ...DEFAULT_MODEL_CONFIG, windowLength: 30, minHistory: 30, recurrentUnits: [8, 4], denseUnits: 4, dropout: 0.2 };
const LEARNING_RATE = 0.01;

let data: SplitData;
let batches: Batch[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  data = plantedData(600);
  batches = [0, 1, 2, 3].map((b) => fillBatch(data.dataset, data.train.slice(b * 16, b * 16 + 16), [1, 1.5]));
});

const build = () => buildLstm({ config: CONFIG, featureCount: data.dataset.featureCount, seed: 5 });

/** Largest absolute difference between two models' weights. */
function weightDistance(a: tf.LayersModel, b: tf.LayersModel): number {
  const wb = b.getWeights();
  return Math.max(...a.getWeights().map((w, i) => tf.tidy(() => tf.max(tf.abs(tf.sub(w, wb[i]))).dataSync()[0])));
}

const models: tf.LayersModel[] = [];
const optimizers: tf.Optimizer[] = [];
function fresh(): { model: tf.LayersModel; optimizer: tf.Optimizer } {
  const model = build();
  const optimizer = tf.train.adam(LEARNING_RATE);
  models.push(model);
  optimizers.push(optimizer);
  return { model, optimizer };
}
afterAll(() => {
  models.forEach((m) => m.dispose());
  optimizers.forEach((o) => o.dispose());
});

test('steps leave the tfjs model holding what tfjs training would hold, and predict like it', async () => {
  const reference = fresh();
  const fast = fresh();
  const step = await createFastModelStep(fast.model, fast.optimizer, { threads: 1 });
  expect(step.description).toMatch(/^fast: (wasm-simd|js) /);
  for (let b = 0; b < 3; b++) {
    seedDropoutLayers(reference.model, 900 + b);
    const expected = trainStep(reference.model, reference.optimizer, batches[b]);
    expect(step.step(batches[b], 900 + b).loss).toBeCloseTo(expected.loss, 5);
  }
  seedDropoutLayers(reference.model, undefined);
  expect(weightDistance(fast.model, reference.model)).toBeLessThan(1e-5);
  expect(weightDistance(fast.model, build())).toBeGreaterThan(LEARNING_RATE);
  const expected = predictProbabilities(reference.model, data.dataset, data.validation, 50);
  const actual = step.predictProbabilities(data.dataset, data.validation, 50);
  expect(actual.length).toBe(data.validation.length);
  actual.forEach((p, i) => expect(Math.abs(p - expected[i])).toBeLessThan(1e-5));
  step.dispose();
});

test('Adam state moves both ways: tfjs can continue a fast run (checkpoint) and the engine a tfjs run (resume)', async () => {
  const reference = fresh();
  for (let b = 0; b < 2; b++) trainStep(reference.model, reference.optimizer, batches[b]);
  // resume: the engine starts from tfjs's weights and Adam moments after two steps
  const resumed = await createFastModelStep(reference.model, reference.optimizer, { threads: 1 });
  const continued = fresh();
  continued.model.setWeights(reference.model.getWeights());
  await continued.optimizer.setWeights(await reference.optimizer.getWeights());
  seedDropoutLayers(continued.model, 77);
  trainStep(continued.model, continued.optimizer, batches[2]);
  resumed.step(batches[2], 77);
  expect(weightDistance(reference.model, continued.model)).toBeLessThan(1e-5);

  // checkpoint: tfjs continues from the engine's Adam state
  const before = tf.memory().numTensors;
  await resumed.syncOptimizer();
  await resumed.syncOptimizer();
  expect(tf.memory().numTensors).toBe(before);
  seedDropoutLayers(reference.model, 78);
  seedDropoutLayers(continued.model, 78);
  trainStep(reference.model, reference.optimizer, batches[3]);
  trainStep(continued.model, continued.optimizer, batches[3]);
  expect(weightDistance(reference.model, continued.model)).toBeLessThan(1e-5);
  resumed.dispose();
});

test('steps leave no tensors behind', async () => {
  const { model, optimizer } = fresh();
  const step = await createFastModelStep(model, optimizer, { threads: 1 });
  step.step(batches[0], 1);
  const before = tf.memory().numTensors;
  step.step(batches[1], 2);
  step.predictProbabilities(data.dataset, data.validation.slice(0, 10));
  expect(tf.memory().numTensors).toBe(before);
  step.dispose();
});

test('chooseFastModelStep takes the engine for the LSTM and leaves other architectures to tfjs, saying why', async () => {
  const { model, optimizer } = fresh();
  const chosen = await chooseFastModelStep(model, optimizer, 'fast', { threads: 1 });
  expect(chosen.step).not.toBeNull();
  expect(chosen.reason).toBe(chosen.step!.description);
  chosen.step!.dispose();
  const transformer = buildTransformer({ config: CONFIG, featureCount: data.dataset.featureCount, seed: 1 });
  const skipped = await chooseFastModelStep(transformer, optimizer, 'auto');
  expect(skipped.step).toBeNull();
  expect(skipped.reason).toMatch(/^fast engine skipped: model "transformer": layers are \[/);
  transformer.dispose();
});
