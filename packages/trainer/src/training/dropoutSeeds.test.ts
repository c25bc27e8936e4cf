import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { buildLstm } from '../models/lstm';
import { DEFAULT_MODEL_CONFIG } from '../models/ModelConfig';
import { mixSeed, seedDropoutLayers } from './dropoutSeeds';
import { TINY_MODEL } from './testFixtures';

describe('dropout seeds', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('mixes integers into distinct 32-bit seeds, the same for the same parts', () => {
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    const seeds = new Set<number>();
    for (let epoch = 1; epoch <= 20; epoch++) for (let batch = 0; batch < 50; batch++) seeds.add(mixSeed(42, epoch, batch));
    expect(seeds.size).toBe(1000);
    expect(mixSeed(42, 1, 2)).toBeLessThan(2 ** 32);
  });

  it('makes dropout masks reproducible per seed and different between seeds', () => {
    const model = buildLstm({ config: { ...DEFAULT_MODEL_CONFIG, ...TINY_MODEL, dropout: 0.5 }, featureCount: 2, seed: 1 });
    const x = tf.ones([4, 30, 2]);
    const run = (seed: number | undefined) => {
      seedDropoutLayers(model, seed);
      return tf.tidy(() => Array.from((model.apply(x, { training: true }) as tf.Tensor).dataSync()));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(6)).not.toEqual(run(5));
    seedDropoutLayers(model, undefined);
    expect(model.layers.filter((l) => l.getClassName() === 'Dropout').every((l) => l.getConfig().seed === undefined)).toBe(true);
    x.dispose();
    model.dispose();
  });
});
