import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSequenceModel } from '@candlecast/shared/model';
import { DEFAULT_MODEL_CONFIG, MODEL_BUILDERS, attentionWeights, truncateHistory, type ModelConfig } from '../models/index';
import { fromTfjsModel } from './fromTfjsModel';
import { seededWindows, seedWeights } from './seedWeights';

// Parity of the edge kernels (packages/shared/src/model/kernels) with tfjs predict on the cpu
// backend, at tiny sizes: same weights (seeded, non-zero biases), same windows.
const W = 8;
const F = 5;
const TOLERANCE = 1e-5;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Largest |kernels - tfjs| over all outputs of all windows `[count, W, F]`. */
function maxDifference(model: tf.LayersModel, windows: Float32Array): number {
  const count = windows.length / (W * F);
  const expected = tf.tidy(() => (model.predict(tf.tensor3d(windows, [count, W, F])) as tf.Tensor).dataSync());
  const kernels = createSequenceModel(fromTfjsModel(model));
  const width = kernels.outputSize;
  expect(expected.length).toBe(count * width);
  let worst = 0;
  for (let s = 0; s < count; s++) {
    const actual = kernels.predict(windows.subarray(s * W * F, (s + 1) * W * F));
    for (let j = 0; j < width; j++) worst = Math.max(worst, Math.abs(actual[j] - expected[s * width + j]));
  }
  return worst;
}

function sequential(layers: tf.layers.Layer[], seed: number): tf.LayersModel {
  const model = tf.sequential({ layers });
  seedWeights(model, seed);
  return model;
}

/** Six windows whose histories are 8 (full), 7, 5, 3, 2 and 1 candles, left-padded with MASK_VALUE. */
function leftPaddedWindows(seed: number): Float32Array {
  const histories = [8, 7, 5, 3, 2, 1];
  const windows = seededWindows(histories.length, W, F, seed);
  histories.forEach((history, sample) => truncateHistory(windows, sample, W, F, history));
  return windows;
}

const config = (minHistory: number): ModelConfig => ({
  ...DEFAULT_MODEL_CONFIG,
  windowLength: W,
  minHistory,
  recurrentUnits: [6, 4],
  denseUnits: 3,
  attentionUnits: 4,
  transformer: { dModel: 8, heads: 2, ffDim: 6, blocks: 2, dropout: 0.1 },
});

function built(name: string, minHistory: number, seed: number): tf.LayersModel {
  const model = MODEL_BUILDERS[name]({ config: config(minHistory), featureCount: F, seed });
  seedWeights(model, seed);
  return model;
}

const sigmoidGates = { recurrentActivation: 'sigmoid' as const, recurrentInitializer: 'glorotUniform' as const };

describe('standard tfjs layers', () => {
  it('LSTM -> dense, compared on the raw (linear) outputs', () => {
    const model = sequential([tf.layers.lstm({ units: 6, inputShape: [W, F], ...sigmoidGates }), tf.layers.dense({ units: 2 })], 1);
    expect(maxDifference(model, seededWindows(6, W, F, 11))).toBeLessThan(TOLERANCE);
  });

  it('stacked GRU (reset gate before the recurrent matmul), odd unit count', () => {
    const model = sequential(
      [
        tf.layers.gru({ units: 5, returnSequences: true, inputShape: [W, F], ...sigmoidGates }),
        tf.layers.gru({ units: 4, ...sigmoidGates }),
        tf.layers.dense({ units: 2 }),
      ],
      2,
    );
    expect(maxDifference(model, seededWindows(6, W, F, 12))).toBeLessThan(TOLERANCE);
  });

  it('tfjs default hardSigmoid gates, relu candidates and no bias (the generic cell path)', () => {
    const model = sequential(
      [
        tf.layers.lstm({ units: 3, returnSequences: true, useBias: false, activation: 'relu', recurrentInitializer: 'glorotUniform', inputShape: [W, F] }),
        tf.layers.gru({ units: 5, recurrentInitializer: 'glorotUniform' }),
        tf.layers.dense({ units: 2 }),
      ],
      3,
    );
    expect(maxDifference(model, seededWindows(6, W, F, 13))).toBeLessThan(TOLERANCE);
  });

  it('dense stacks: per-step dense layers on the sequence, then every activation on the vector', () => {
    const model = sequential(
      [
        tf.layers.dense({ units: 9, activation: 'tanh', inputShape: [W, F] }),
        tf.layers.dense({ units: 7, activation: 'gelu' }),
        tf.layers.lstm({ units: 6, ...sigmoidGates }),
        tf.layers.dense({ units: 5, activation: 'sigmoid' }),
        tf.layers.dense({ units: 4, activation: 'hardSigmoid', useBias: false }),
        tf.layers.dense({ units: 3, activation: 'relu' }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
      4,
    );
    expect(maxDifference(model, seededWindows(6, W, F, 14))).toBeLessThan(TOLERANCE);
  });

  it('Masking with maskValue 0 and left padding, LSTM and GRU sequences, dropout in between', () => {
    const model = sequential(
      [
        tf.layers.masking({ maskValue: 0, inputShape: [W, F] }),
        tf.layers.lstm({ units: 6, returnSequences: true, ...sigmoidGates }),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.gru({ units: 4, returnSequences: true, ...sigmoidGates }),
        tf.layers.dense({ units: 3, activation: 'relu' }),
        tf.layers.lstm({ units: 5, ...sigmoidGates }),
        tf.layers.dense({ units: 2 }),
      ],
      5,
    );
    const windows = seededWindows(4, W, F, 15);
    [0, 3, 7].forEach((padded, sample) => windows.fill(0, sample * W * F, sample * W * F + padded * F));
    // a step with some (not all) features at the mask value is real
    windows.fill(0, 3 * W * F + 2 * F, 3 * W * F + 2 * F + 3);
    expect(maxDifference(model, windows)).toBeLessThan(TOLERANCE);
  });
});

describe('the candlecast architectures (models/ builders, tiny sizes)', () => {
  for (const name of ['lstm', 'gru', 'lstm-attention', 'transformer']) {
    it(`${name} on full windows`, () => {
      expect(maxDifference(built(name, W, 21), seededWindows(6, W, F, 31))).toBeLessThan(TOLERANCE);
    });

    it(`${name} with Masking on left-padded windows`, () => {
      const model = built(name, 1, 22);
      expect(fromTfjsModel(model).layers[0].type).toBe('masking');
      expect(maxDifference(model, leftPaddedWindows(32))).toBeLessThan(TOLERANCE);
    });
  }

  it('lstm-attention: attention() gives the same per-step weights as attentionWeights()', () => {
    const model = built('lstm-attention', 1, 23);
    const windows = leftPaddedWindows(33);
    const expected = attentionWeights(model, windows);
    const kernels = createSequenceModel(fromTfjsModel(model));
    for (let s = 0; s < 6; s++) {
      kernels.predict(windows.subarray(s * W * F, (s + 1) * W * F));
      const actual = kernels.attention!();
      for (let t = 0; t < W; t++) expect(Math.abs(actual[t] - expected[s * W + t])).toBeLessThan(TOLERANCE);
    }
    // the first window is full; the last has one real candle, which takes all the weight
    expect(expected[5 * W + W - 1]).toBeCloseTo(1, 6);
  });
});
