import { SeededRandom } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { MASK_VALUE } from '../models/historyPadding';
import { fillBatch } from './batches';
import { plantedData } from './testFixtures';

const data = plantedData(700);
const { dataset } = data;
const size = dataset.windowLength * dataset.featureCount;

describe('fillBatch', () => {
  it('copies each sample window, one-hot label and class weight', () => {
    const samples = [3, 0, 7];
    const batch = fillBatch(dataset, samples, [0.5, 2]);
    expect(batch.size).toBe(3);
    samples.forEach((sample, s) => {
      const start = (dataset.ends[sample] - dataset.windowLength + 1) * dataset.featureCount;
      expect(Array.from(batch.windows.subarray(s * size, (s + 1) * size))).toEqual(Array.from(dataset.features.subarray(start, start + size)));
      const label = dataset.labels[sample];
      expect([batch.targets[2 * s], batch.targets[2 * s + 1]]).toEqual(label === 1 ? [0, 1] : [1, 0]);
      expect(batch.weights[s]).toBe(label === 1 ? 2 : 0.5);
    });
  });

  it('reuses the buffers of a same-size batch', () => {
    const first = fillBatch(dataset, [1, 2], [1, 1]);
    expect(fillBatch(dataset, [4, 5], [1, 1], undefined, first).windows).toBe(first.windows);
    expect(fillBatch(dataset, [4], [1, 1], undefined, first).windows).not.toBe(first.windows);
  });

  it('cuts windows to a random history of at least minHistory rows at the given rate', () => {
    const samples = Array.from({ length: 40 }, (_, i) => i);
    const batch = fillBatch(dataset, samples, [1, 1], { minHistory: 10, rate: 0.5, random: new SeededRandom(1) });
    const histories = samples.map((_, s) => {
      let padded = 0;
      while (padded < dataset.windowLength && batch.windows[s * size + padded * dataset.featureCount] === MASK_VALUE) padded++;
      return dataset.windowLength - padded;
    });
    const cut = histories.filter((h) => h < dataset.windowLength);
    expect(cut.length).toBeGreaterThan(10);
    expect(cut.length).toBeLessThan(30);
    expect(Math.min(...cut)).toBeGreaterThanOrEqual(10);
  });
});
