import { describe, expect, it } from 'vitest';
import { signalsFromProbabilities } from './signalsFromProbabilities';

describe('signalsFromProbabilities', () => {
  it('holds inside the confidence band', () => {
    // band 0.05: BUY above 0.55, SELL below 0.45; 0.55 itself and 0.46 are HOLD (2).
    expect(Array.from(signalsFromProbabilities([0.9, 0.55, 0.5, 0.46, 0.2], 0.05))).toEqual([1, 2, 2, 2, 0]);
    expect(Array.from(signalsFromProbabilities([0.51, 0.5, 0.49]))).toEqual([1, 2, 0]);
  });

  it('rejects a band that leaves no room to trade', () => {
    expect(() => signalsFromProbabilities([0.9], 0.5)).toThrow(/minConfidence must be in \[0, 0.5\), got 0.5/);
  });
});
