import { describe, expect, it } from 'vitest';
import { fitNormalisation, normaliseRows, rowsCoveredBy } from './Normalisation';

describe('normalisation', () => {
  // 4 rows x 2 features; feature 1 is constant.
  const features = Float32Array.from([1, 5, 3, 5, 5, 5, 100, 5]);

  it('fits mean and population std on the given rows only, std 1 for a constant feature', () => {
    const stats = fitNormalisation(features, 2, [0, 1, 2]);
    expect(stats.mean).toEqual([3, 5]);
    expect(stats.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(stats.std[1]).toBe(1);
    // The held-out outlier row 3 did not move the statistics.
    expect(fitNormalisation(features, 2, [0, 1, 2]).mean).toEqual(fitNormalisation(Float32Array.from([1, 5, 3, 5, 5, 5, -7, 0]), 2, [0, 1, 2]).mean);
  });

  it('standardises in place and clips extreme values', () => {
    const stats = fitNormalisation(features, 2, [0, 1, 2], 4);
    const values = features.slice();
    normaliseRows(values, stats);
    expect(values[0]).toBeCloseTo(-2 / Math.sqrt(8 / 3), 6);
    expect(values[1]).toBe(0);
    expect(values[6]).toBe(4);
  });

  it('lists the rows covered by windows', () => {
    expect(rowsCoveredBy([5, 6, 10], 3)).toEqual([3, 4, 5, 6, 8, 9, 10]);
  });

  it('refuses to fit on no rows', () => {
    expect(() => fitNormalisation(features, 2, [])).toThrow(/zero training rows/);
  });
});
