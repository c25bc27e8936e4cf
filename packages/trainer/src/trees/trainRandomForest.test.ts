import { predictTrees } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { binRows } from './FeatureBins';
import { hitRate, plantedXor } from './testData';
import { predictRandomForestBinned, trainRandomForest } from './trainRandomForest';

describe('trainRandomForest', () => {
  it('learns a planted XOR of two thresholds', () => {
    const train = plantedXor(3000, 1);
    const test = plantedXor(2000, 2);
    const forest = trainRandomForest(train.x, train.labels, 10, { trees: 30, maxDepth: 8, minSamplesLeaf: 3, maxFeatures: 5, seed: 3 });
    expect(hitRate(predictTrees(forest.ensemble, test.x), test.labels)).toBeGreaterThan(0.97);
    expect(forest.outOfBagAccuracy).toBeGreaterThan(0.95);
    // The planted columns are split at the planted thresholds (to bin resolution).
    const { feature, threshold } = forest.ensemble;
    const cutsOn = (column: number) => Array.from(threshold).filter((_, n) => feature[n] === column);
    expect(cutsOn(3).some((t) => Math.abs(t - 0.2) < 0.02)).toBe(true);
    expect(cutsOn(7).some((t) => Math.abs(t + 0.1) < 0.02)).toBe(true);
  });

  it('finds the stump a hand computation gives (gini)', () => {
    // x = 1..6, y = 0 0 0 1 1 0. Weighted gini of each cut: 1.5: 2.4, 2.5: 2, 3.5: 4/3, 4.5: 2.5,
    // 5.5: 2.4; so the cut is at 3.5 with leaves 0 (three SELL) and 2/3 (BUY BUY SELL).
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const forest = trainRandomForest(x, [0, 0, 0, 1, 1, 0], 1, { trees: 1, maxDepth: 1, minSamplesLeaf: 1, maxFeatures: 'all', bootstrap: false });
    const { roots, feature, threshold, left, right, value } = forest.ensemble;
    expect(feature[roots[0]]).toBe(0);
    expect(threshold[roots[0]]).toBe(3.5);
    expect(value[left[roots[0]]]).toBe(0);
    expect(value[right[roots[0]]]).toBe(Math.fround(2 / 3));
    expect(Array.from(predictTrees(forest.ensemble, Float32Array.from([3.5, 3.50001])))).toEqual([0, Math.fround(2 / 3)]);
  });

  it('entropy picks its own cut where it differs from gini', () => {
    // x = 1..8, y = 1 0 0 0 0 0 1 1: gini and entropy both cut at 6.5 here; the point is that entropy runs and is exact.
    const x = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const y = [1, 0, 0, 0, 0, 0, 1, 1];
    const forest = trainRandomForest(x, y, 1, { trees: 1, maxDepth: 1, minSamplesLeaf: 1, maxFeatures: 'all', bootstrap: false, criterion: 'entropy' });
    const { roots, threshold, left, right, value } = forest.ensemble;
    expect(threshold[roots[0]]).toBe(6.5);
    expect(value[left[roots[0]]]).toBe(Math.fround(1 / 6));
    expect(value[right[roots[0]]]).toBe(1);
  });

  it('predicts the same float32 bits from bins (trainer) and from thresholds (shared), also on unseen values at the thresholds', () => {
    const train = plantedXor(1500, 4);
    const forest = trainRandomForest(train.x, train.labels, 10, { trees: 20, maxDepth: 6, minSamplesLeaf: 2, seed: 5 });
    const probe = adversarialRows(forest.ensemble.feature, forest.ensemble.threshold, 10, plantedXor(500, 6).x);
    const fromBins = predictRandomForestBinned(forest, binRows(forest.matrix.bins, probe), 10);
    expect(new Uint32Array(predictTrees(forest.ensemble, probe).buffer)).toEqual(new Uint32Array(fromBins.buffer));
  });

  it('is reproducible from its seed', () => {
    const train = plantedXor(500, 7);
    const a = trainRandomForest(train.x, train.labels, 10, { trees: 5, seed: 9 });
    const b = trainRandomForest(train.x, train.labels, 10, { trees: 5, seed: 9 });
    const c = trainRandomForest(train.x, train.labels, 10, { trees: 5, seed: 10 });
    expect(b.ensemble.threshold).toEqual(a.ensemble.threshold);
    expect(c.ensemble.threshold).not.toEqual(a.ensemble.threshold);
  });

  it('rejects bad options by name', () => {
    const train = plantedXor(50, 1);
    expect(() => trainRandomForest(train.x, train.labels, 10, { trees: 0 })).toThrow(/trees must be an integer >= 1, got 0/);
    expect(() => trainRandomForest(train.x, train.labels, 10, { maxFeatures: 11 })).toThrow(/maxFeatures/);
  });
});

/**
 * Rows built to sit on split boundaries: for each split node, a row of fresh values with the split
 * column set exactly to the threshold, and one with the next float32 above it.
 */
function adversarialRows(feature: Int16Array, threshold: Float32Array, featureCount: number, base: Float32Array): Float32Array {
  const rows: number[] = [];
  const baseRows = base.length / featureCount;
  let k = 0;
  for (let n = 0; n < feature.length; n++) {
    if (feature[n] < 0) continue;
    for (const value of [threshold[n], nextFloat32(threshold[n])]) {
      const row = Array.from(base.subarray((k % baseRows) * featureCount, (k % baseRows + 1) * featureCount));
      row[feature[n]] = value;
      rows.push(...row);
      k++;
    }
  }
  return Float32Array.from([...base, ...rows]);
}

function nextFloat32(x: number): number {
  const bits = new Float32Array([x]);
  const view = new Int32Array(bits.buffer);
  view[0] += x >= 0 ? 1 : -1;
  return bits[0];
}
