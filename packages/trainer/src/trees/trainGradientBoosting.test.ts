import { deserializeTreeEnsemble, predictTrees, serializeTreeEnsemble } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { hitRate, plantedXor } from './testData';
import { trainGradientBoosting } from './trainGradientBoosting';

describe('trainGradientBoosting', () => {
  it('learns a planted XOR of two thresholds', () => {
    const train = plantedXor(3000, 11);
    const test = plantedXor(2000, 12);
    const model = trainGradientBoosting(train, null, 10, { rounds: 60, learningRate: 0.3, maxDepth: 3, minChildWeight: 1, seed: 2 });
    expect(hitRate(predictTrees(model.ensemble, test.x), test.labels)).toBeGreaterThan(0.98);
  });

  it('makes the leaf weights of one round by hand: -G/(H + lambda) * eta', () => {
    // x = 1..5, y = 0 0 1 1 1. Base score logit(0.6); g = 0.6 - y, h = 0.24. Gains (without 1/2):
    // cut 1.5: 0.474, 2.5: 1.81, 3.5: 0.80, so the cut is 2.5 with G_L = 1.2, H_L = 0.48, G_R = -1.2, H_R = 0.72.
    const x = Float32Array.from([1, 2, 3, 4, 5]);
    const model = trainGradientBoosting({ x, labels: [0, 0, 1, 1, 1] }, null, 1, {
      rounds: 1, maxDepth: 1, learningRate: 0.3, lambda: 1, minChildWeight: 0, subsample: 1, colsampleByTree: 1,
    });
    const { roots, threshold, left, right, value, baseScore } = model.ensemble;
    expect(baseScore).toBeCloseTo(Math.log(0.6 / 0.4), 12);
    expect(threshold[roots[0]]).toBe(2.5);
    expect(value[left[roots[0]]]).toBeCloseTo((-1.2 / (0.48 + 1)) * 0.3, 6);
    expect(value[right[roots[0]]]).toBeCloseTo((1.2 / (0.72 + 1)) * 0.3, 6);
  });

  it('stops early on validation loss and keeps the best round', () => {
    // Labels of pure noise: validation loss stops improving within a few rounds.
    const train = plantedXor(800, 21);
    const noise = { x: train.x, labels: train.labels.map((_, i) => (i * 7919) % 2) };
    const validation = plantedXor(400, 22);
    const model = trainGradientBoosting(noise, { x: validation.x, labels: validation.labels.map((_, i) => (i * 104729) % 3 === 0 ? 1 : 0) }, 10, { rounds: 200, earlyStoppingRounds: 5, learningRate: 0.3 });
    const losses = model.history.validationLoss;
    expect(losses.length).toBeLessThan(200);
    expect(model.treeCount).toBe(losses.indexOf(Math.min(...losses)) + 1);
    expect(losses.length).toBe(model.treeCount + 5);
  });

  it("gives the trainer's own p(BUY) bit for bit from the serialised trees through the shared kernel", () => {
    const train = plantedXor(2000, 31);
    const validation = plantedXor(600, 32);
    const model = trainGradientBoosting(train, validation, 10, { rounds: 40, maxDepth: 4, minChildWeight: 1, earlyStoppingRounds: 50, seed: 4 });
    const loaded = deserializeTreeEnsemble(JSON.parse(JSON.stringify(serializeTreeEnsemble(model.ensemble))));
    expect(model.treeCount).toBeGreaterThan(10);
    expect(new Uint32Array(predictTrees(loaded, train.x).buffer)).toEqual(new Uint32Array(model.trainProbabilities.buffer));
    expect(new Uint32Array(predictTrees(loaded, validation.x).buffer)).toEqual(new Uint32Array(model.validationProbabilities.buffer));
  });

  it('rejects bad options by name', () => {
    const train = plantedXor(50, 1);
    expect(() => trainGradientBoosting(train, null, 10, { subsample: 0 })).toThrow(/subsample must be in \(0, 1\], got 0/);
  });
});
