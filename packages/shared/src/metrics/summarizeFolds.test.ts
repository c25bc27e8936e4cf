import { describe, expect, it } from 'vitest';
import { summarizeFolds } from './summarizeFolds';

describe('summarizeFolds', () => {
  it('gives mean, sample std, min and max', () => {
    // mean (0.5 + 0.6 + 0.7) / 3 = 0.6; squares 0.01 + 0 + 0.01 = 0.02; std = sqrt(0.02 / 2) = 0.1
    const summary = summarizeFolds([0.6, 0.5, 0.7]);
    expect(summary.mean).toBeCloseTo(0.6, 12);
    expect(summary.std).toBeCloseTo(0.1, 12);
    expect(summary.min).toBe(0.5);
    expect(summary.max).toBe(0.7);
  });

  it('has std 0 for one fold', () => {
    expect(summarizeFolds([0.53])).toEqual({ mean: 0.53, std: 0, min: 0.53, max: 0.53 });
  });

  it('rejects no folds and non-finite values', () => {
    expect(() => summarizeFolds([])).toThrow(/no fold values/);
    expect(() => summarizeFolds([0.5, Number.NaN])).toThrow(/fold value NaN is not finite/);
  });
});
