import { describe, expect, it } from 'vitest';
import { downsampleSeries } from './downsampleSeries';
import { costLabel } from './summarizeBacktest';

describe('downsampleSeries', () => {
  it('keeps the first and last value and evenly spaced ones between', () => {
    const values = Array.from({ length: 1001 }, (_, i) => i);
    const sampled = downsampleSeries(values, 5);
    // indices round(k * 1000 / 4) = 0, 250, 500, 750, 1000
    expect(sampled).toEqual([0, 250, 500, 750, 1000]);
    expect(downsampleSeries(values)).toHaveLength(500);
    expect(downsampleSeries(values).at(-1)).toBe(1000);
  });

  it('copies a short series as it is', () => {
    expect(downsampleSeries(Float64Array.from([1, 1.01, 0.99]))).toEqual([1, 1.01, 0.99]);
  });
});

describe('costLabel', () => {
  it('names a cost level', () => {
    expect(costLabel(0, 0)).toBe('no costs');
    expect(costLabel(10, 0)).toBe('10 bp fee');
    expect(costLabel(10, 2)).toBe('10 bp fee + 2 bp spread');
  });
});
