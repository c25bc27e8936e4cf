import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { loadLayersModel } from '../models/fileSystemHandler';
import { buildLstm } from '../models/lstm';
import { resolveDeepConfig } from './DeepConfig';
import { fitDeepModel } from './fitDeepModel';
import { crossEntropy, predictProbabilities } from './predictProbabilities';
import { labelsOf, plantedData, TINY_MODEL, trainingData } from './testFixtures';

const dir = mkdtempSync(join(tmpdir(), 'candlecast-fit-'));
const data = plantedData(900);
const small = { ...TINY_MODEL, recurrentUnits: [4], denseUnits: 4 };
const config = (training: Record<string, unknown>, model: Record<string, unknown> = {}) => resolveDeepConfig({ model: { ...small, ...model }, training: { batchSize: 32, learningRate: 0.01, ...training } });

describe('fitDeepModel', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops early on a rising validation loss and restores (and checkpoints) the best epoch', async () => {
    // Validation labels flipped: the better the model learns the training signal, the worse validation gets.
    const labels = data.dataset.labels.slice();
    for (const i of data.validation) labels[i] = 1 - labels[i];
    const dataset = { ...data.dataset, labels };
    const workDir = join(dir, 'early');
    const before = tf.memory().numTensors;
    const result = await fitDeepModel({ name: 'lstm', build: buildLstm, data: { ...trainingData(data), dataset }, config: config({ epochs: 12, patience: 2, lrPatience: 10 }), workDir });
    expect(result.stoppedBy).toBe('early_stopping');
    expect(result.history).toHaveLength(result.bestEpoch + 2);
    const losses = result.history.map((r) => r.valLoss!);
    expect(losses[result.bestEpoch - 1]).toBe(Math.min(...losses));
    const restored = crossEntropy(predictProbabilities(result.model, dataset, data.validation), labelsOf(dataset, data.validation));
    expect(restored).toBeCloseTo(losses[result.bestEpoch - 1], 5);
    expect(restored).not.toBeCloseTo(losses[losses.length - 1], 3);
    expect(result.validation).toEqual({ loss: losses[result.bestEpoch - 1], accuracy: result.history[result.bestEpoch - 1].valAccuracy, samples: data.validation.length });
    const best = await loadLayersModel(join(workDir, 'checkpoints', 'best'));
    const fromDisk = predictProbabilities(best, dataset, data.validation);
    expect(Array.from(fromDisk)).toEqual(Array.from(predictProbabilities(result.model, dataset, data.validation)));
    best.dispose();
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives identical weights for the same seed on cpu, and different ones for another seed', async () => {
    const run = async (seed: number) => {
      const result = await fitDeepModel({ name: 'lstm', build: buildLstm, data: trainingData(data, seed), config: config({ epochs: 2, samplesPerEpoch: 160 }, { dropout: 0.3 }) });
      const weights = result.model.getWeights().map((w) => Array.from(w.dataSync()));
      result.model.dispose();
      return weights.flat();
    };
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('reduces the learning rate on a plateau', async () => {
    const result = await fitDeepModel({
      name: 'lstm',
      build: buildLstm,
      data: trainingData(data),
      config: config({ epochs: 4, samplesPerEpoch: 64, minDelta: 1, lrPatience: 1, lrFactor: 0.5, patience: 10 }),
    });
    // minDelta 1 makes every epoch after the first a non-improvement
    expect(result.history.map((r) => r.learningRate)).toEqual([0.01, 0.01, 0.005, 0.0025]);
    result.model.dispose();
  });

  it('draws samplesPerEpoch samples per epoch and stops when the time budget is spent', async () => {
    const limited = await fitDeepModel({ name: 'lstm', build: buildLstm, data: trainingData(data), config: config({ epochs: 2, samplesPerEpoch: 50 }) });
    expect(limited.history.map((r) => r.trainSamples)).toEqual([50, 50]);
    limited.model.dispose();
    const budget = await fitDeepModel({ name: 'lstm', build: buildLstm, data: trainingData(data), config: config({ epochs: 5, maxMinutes: 1e-6 }) });
    expect(budget.stoppedBy).toBe('time_budget');
    expect(budget.history.map((r) => r.trainSamples)).toEqual([32]);
    budget.model.dispose();
  });

  it('trains a masked model on randomly shortened histories', async () => {
    const before = tf.memory().numTensors;
    const result = await fitDeepModel({ name: 'lstm', build: buildLstm, data: trainingData(data), config: config({ epochs: 1, shortHistoryRate: 0.5 }, { minHistory: 10 }) });
    expect(result.model.layers[1].getClassName()).toBe('Masking');
    expect(Number.isFinite(result.history[0].loss)).toBe(true);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a config whose window length differs from the dataset, naming the field', async () => {
    await expect(fitDeepModel({ name: 'lstm', build: buildLstm, data: trainingData(data), config: config({}, { windowLength: 60 }) })).rejects.toThrow(
      /model\.windowLength: is 60, but the dataset's windows have 30 rows/,
    );
  });
});
