import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { TINY_MODEL } from '../training/testFixtures';
import { attentionWeights } from './attentionWeights';
import { leftPadHistory } from './historyPadding';
import { buildLstm } from './lstm';
import { buildLstmAttention } from './lstmAttention';
import { randomValues } from './layers/referenceMath';
import { DEFAULT_MODEL_CONFIG } from './ModelConfig';

const config = { ...DEFAULT_MODEL_CONFIG, ...TINY_MODEL, minHistory: 20 };

describe('attentionWeights', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('returns [samples, W] weights that sum to 1 per window and are 0 on padded steps, leaking nothing', () => {
    const model = buildLstmAttention({ config, featureCount: 4, seed: 2 });
    const full = Float32Array.from(randomValues(30 * 4, 1, 2));
    const short = leftPadHistory(Float32Array.from(randomValues(20 * 4, 2, 2)), 4, 30);
    const windows = new Float32Array(3 * 30 * 4);
    windows.set(full, 0);
    windows.set(short, 30 * 4);
    windows.set(full, 2 * 30 * 4);
    const before = tf.memory().numTensors;
    const weights = attentionWeights(model, windows, 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(weights).toHaveLength(3 * 30);
    for (let s = 0; s < 3; s++) {
      const row = weights.subarray(s * 30, (s + 1) * 30);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    expect(Array.from(weights.subarray(30, 40)).every((w) => w === 0)).toBe(true);
    expect(weights[40]).toBeGreaterThan(0);
    // batching does not change the numbers
    Array.from(weights.subarray(0, 30)).forEach((w, t) => expect(weights[60 + t]).toBeCloseTo(w, 6));
    model.dispose();
  });

  it('refuses a model without an attention layer', () => {
    const model = buildLstm({ config, featureCount: 4, seed: 2 });
    expect(() => attentionWeights(model, new Float32Array(30 * 4))).toThrow(/has no TemporalAttention layer/);
    model.dispose();
  });
});
