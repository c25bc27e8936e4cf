import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { TINY_MODEL } from '../training/testFixtures';
import { leftPadHistory, MASK_VALUE, truncateHistory } from './historyPadding';
import { MODEL_BUILDERS } from './index';
import { randomValues } from './layers/referenceMath';
import { DEFAULT_MODEL_CONFIG, type ModelConfig } from './ModelConfig';

const F = 3;

describe('leftPadHistory', () => {
  it('puts the history at the end of the window and fills the oldest rows with MASK_VALUE', () => {
    const window = leftPadHistory(Float32Array.from([1, 2, 3, 4, 5, 6]), F, 4);
    expect(Array.from(window)).toEqual([MASK_VALUE, MASK_VALUE, MASK_VALUE, MASK_VALUE, MASK_VALUE, MASK_VALUE, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps the newest rows of a history longer than the window', () => {
    expect(Array.from(leftPadHistory(Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), F, 2))).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('rejects a history that is not whole rows', () => {
    expect(() => leftPadHistory(new Float32Array(4), F, 2)).toThrow(/not a multiple of 3/);
  });
});

describe('truncateHistory', () => {
  it('pads the oldest rows of one window of a batch and leaves the others alone', () => {
    const batch = Float32Array.from({ length: 2 * 3 * 1 }, (_, i) => i);
    truncateHistory(batch, 1, 3, 1, 1);
    expect(Array.from(batch)).toEqual([0, 1, 2, MASK_VALUE, MASK_VALUE, 5]);
  });
});

describe('masking convention', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  const short = 12;
  const long: ModelConfig = { ...DEFAULT_MODEL_CONFIG, ...TINY_MODEL, recurrentUnits: [6, 4], windowLength: 30, minHistory: 10 };
  const exact: ModelConfig = { ...long, windowLength: short, minHistory: short };

  it.each(Object.keys(MODEL_BUILDERS))('%s: a left-padded short history predicts exactly what a model of that window length predicts', (name) => {
    const before = tf.memory().numTensors;
    const padded = MODEL_BUILDERS[name]({ config: long, featureCount: F, seed: 5 });
    const plain = MODEL_BUILDERS[name]({ config: exact, featureCount: F, seed: 6 });
    expect(padded.layers.some((layer) => layer.getClassName() === 'Masking')).toBe(true);
    expect(plain.layers.some((layer) => layer.getClassName() === 'Masking')).toBe(false);
    plain.setWeights(padded.getWeights());
    const rows = Float32Array.from(randomValues(short * F, 8, 2));
    const [a, b] = tf.tidy(() => [
      Array.from((padded.predict(tf.tensor3d(leftPadHistory(rows, F, 30), [1, 30, F])) as tf.Tensor).dataSync()),
      Array.from((plain.predict(tf.tensor3d(rows, [1, short, F])) as tf.Tensor).dataSync()),
    ]);
    a.forEach((p, i) => expect(p).toBeCloseTo(b[i], 5));
    padded.dispose();
    plain.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
