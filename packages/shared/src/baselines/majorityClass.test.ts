import { describe, expect, it } from 'vitest';
import { accuracy } from '../metrics/accuracy';
import { closesDataset } from './baselineFixture';
import { majorityClass } from './majorityClass';

describe('majorityClass', () => {
  const dataset = closesDataset([1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4, 5], [1, 1, 0, -1, 0, 1]);

  it('gives every sample the BUY rate of the labelled training samples', () => {
    expect(Array.from(majorityClass(dataset, [0, 1, 2, 3], [4, 5, 0]))).toEqual([2 / 3, 2 / 3, 2 / 3].map(Math.fround));
  });

  it('scores the share of the training majority on the scored samples', () => {
    const pBuy = majorityClass(dataset, [0, 1, 2], [2, 4, 5]);
    expect(accuracy(pBuy, [0, 0, 1])).toBeCloseTo(1 / 3, 12);
    // a 50/50 training set predicts SELL at the 0.5 threshold
    expect(accuracy(majorityClass(dataset, [0, 2], [4, 5]), [0, 1])).toBe(0.5);
  });

  it('needs a labelled training sample', () => {
    expect(() => majorityClass(dataset, [3], [0])).toThrow(/at least one labelled training sample/);
  });
});
