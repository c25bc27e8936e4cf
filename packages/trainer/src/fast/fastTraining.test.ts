import * as tf from '@tensorflow/tfjs';
import { accuracy, SeededRandom } from '@candlecast/shared';
import { beforeAll, expect, test } from 'vitest';
import { buildLstm } from '../models/lstm';
import { DEFAULT_MODEL_CONFIG, type ModelConfig } from '../models/ModelConfig';
import { fillBatch } from '../training/batches';
import { classWeights } from '../training/classWeights';
import { mixSeed, seedDropoutLayers } from '../training/dropoutSeeds';
import { predictProbabilities } from '../training/predictProbabilities';
import { labelsOf, plantedData, type SplitData } from '../training/testFixtures';
import { trainStep } from '../training/trainStep';
import { createFastModelStep } from './FastModelStep';

/*
 * Training quality: the same tiny LSTM trained on a planted signal (generated candles with a
 * strong bid-ask bounce) by tfjs and by the fast engine, from the same initial weights, on the
 * same batches with the same dropout masks, reaches the same held-out accuracy.
 */
const CONFIG: ModelConfig = { ...DEFAULT_MODEL_CONFIG, windowLength: 30, minHistory: 30, recurrentUnits: [8, 4], denseUnits: 8, dropout: 0.2 };
const EPOCHS = 3;
const BATCH = 32;

let data: SplitData;
beforeAll(async () => {
  await tf.setBackend('cpu');
  data = plantedData(1600);
});

/** Trains with `step` per batch (the training loop's order and seeds); returns test accuracy. */
async function train(engine: 'tfjs' | 'fast'): Promise<{ accuracy: number; loss: number }> {
  const model = buildLstm({ config: CONFIG, featureCount: data.dataset.featureCount, seed: 9 });
  const optimizer = tf.train.adam(0.01);
  const fast = engine === 'fast' ? await createFastModelStep(model, optimizer, { threads: 1, batchSize: BATCH }) : null;
  const weights = classWeights(data.dataset.labels, data.train, 'balanced');
  let loss = 0;
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const order = new SeededRandom(mixSeed(1, epoch)).shuffle(Int32Array.from(data.train));
    loss = 0;
    for (let b = 0; b * BATCH < order.length; b++) {
      const batch = fillBatch(data.dataset, order.subarray(b * BATCH, (b + 1) * BATCH), weights);
      const seed = mixSeed(1, epoch, b);
      seedDropoutLayers(model, seed);
      loss += (fast ? fast.step(batch, seed) : trainStep(model, optimizer, batch)).loss * batch.size;
    }
    loss /= order.length;
  }
  seedDropoutLayers(model, undefined);
  const pBuy = predictProbabilities(model, data.dataset, data.test);
  fast?.dispose();
  model.dispose();
  optimizer.dispose();
  return { accuracy: accuracy(pBuy, labelsOf(data.dataset, data.test)), loss };
}

test('trains a tiny LSTM on a planted signal to the accuracy tfjs reaches', async () => {
  const reference = await train('tfjs');
  const fast = await train('fast');
  expect(reference.accuracy).toBeGreaterThan(0.6);
  expect(fast.accuracy).toBeGreaterThan(0.6);
  expect(Math.abs(fast.accuracy - reference.accuracy)).toBeLessThan(0.01);
  expect(Math.abs(fast.loss - reference.loss)).toBeLessThan(1e-4);
});
