import { describe, expect, it } from 'vitest';
import { closesDataset } from './baselineFixture';
import { followLastCandle } from './followLastCandle';
import { reverseLastCandle } from './reverseLastCandle';

describe('followLastCandle', () => {
  const dataset = closesDataset([10, 11, 10.5, 10.5, 12], [1, 2, 3, 4], [0, 1, 1, 0]);

  it('predicts the direction of the last candle, 0.5 after a flat one', () => {
    expect(Array.from(followLastCandle(dataset, [0, 1, 2, 3]))).toEqual([1, 0, 0.5, 1]);
  });

  it('is the mirror image of reverseLastCandle', () => {
    const follow = followLastCandle(dataset, [0, 1, 2, 3], 0.6);
    const reverse = reverseLastCandle(dataset, [0, 1, 2, 3], 0.6);
    follow.forEach((p, i) => expect(p + reverse[i]).toBeCloseTo(1, 6));
  });
});
