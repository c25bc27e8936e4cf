import { describe, expect, it } from 'vitest';
import { rocAuc } from './rocAuc';

describe('rocAuc', () => {
  it('matches the pair count on a small case without ties', () => {
    // BUY p = {0.35, 0.8}, SELL p = {0.1, 0.4}. Pairs (BUY > SELL): 0.35>0.1 yes, 0.35>0.4 no,
    // 0.8>0.1 yes, 0.8>0.4 yes -> 3 of 4 = 0.75 (the scikit-learn roc_auc_score doc example).
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });

  it('counts a tie between a BUY and a SELL as one half', () => {
    // BUY p = {0.5, 0.9}, SELL p = {0.5, 0.2}. Pairs: 0.5 vs 0.5 tie -> 0.5, 0.5>0.2 -> 1,
    // 0.9>0.5 -> 1, 0.9>0.2 -> 1. Sum 3.5 of 4 = 0.875.
    expect(rocAuc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBe(0.875);
  });

  it('handles ties within one class and across classes together', () => {
    // BUY p = {0.7, 0.7, 0.3}, SELL p = {0.7, 0.3}. Pairs (6):
    //  0.7 vs 0.7 tie .5, 0.7 vs 0.3 1  (twice, for both BUY 0.7) -> 3
    //  0.3 vs 0.7 0,      0.3 vs 0.3 tie .5                     -> 0.5
    // AUC = 3.5 / 6
    expect(rocAuc([0.7, 0.7, 0.3, 0.7, 0.3], [1, 1, 1, 0, 0])).toBeCloseTo(3.5 / 6, 12);
  });

  it('is 0.5 when every probability is the same, 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.6, 0.6, 0.6, 0.6], [1, 0, 1, 0])).toBe(0.5);
    expect(rocAuc([0.2, 0.3, 0.6, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.6, 0.3, 0.2], [0, 0, 1, 1])).toBe(0);
  });

  it('is null when only one class occurs', () => {
    expect(rocAuc([0.2, 0.8], [1, 1])).toBeNull();
  });
});
