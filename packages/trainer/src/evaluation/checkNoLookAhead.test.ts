import { DEFAULT_FEATURE_SPEC, FEATURE_CATALOG, generateCandles, type Candle } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import type { CandleFeature } from './CandleFeature';
import { checkNoLookAhead, checkSpecNoLookAhead } from './checkNoLookAhead';
import { leakedNextReturnFeature } from './leakedNextReturnFeature';

const candles = generateCandles({ count: 300, seed: 5 });

describe('checkNoLookAhead', () => {
  it('passes all 20 real features', () => {
    const results = checkSpecNoLookAhead(DEFAULT_FEATURE_SPEC, candles);
    expect(results).toHaveLength(20);
    expect(results.filter((r) => !r.passed).map((r) => r.feature)).toEqual([]);
  });

  it('flags the planted next-candle return in both scenarios', () => {
    const result = checkNoLookAhead(leakedNextReturnFeature, candles);
    expect(result.passed).toBe(false);
    // On candles[0..cut] the value at the cut is NaN (no next candle); appended, it is a number.
    expect(result.violations[0]).toMatchObject({ cut: 120, row: 120, scenario: 'appended' });
    expect(result.violations[0].before).toBeNaN();
    expect(result.violations.map((v) => v.scenario)).toContain('altered');
  });

  it('catches a batch feature that peeks further ahead than one candle', () => {
    // A centred 5-candle moving average: the value at t uses closes t-2 .. t+2.
    const centred: CandleFeature = {
      name: 'centredMean',
      formula: 'mean(close[t-2..t+2])',
      compute(series: readonly Candle[]) {
        const values = new Float64Array(series.length).fill(Number.NaN);
        for (let t = 2; t + 2 < series.length; t++) values[t] = (series[t - 2].close + series[t - 1].close + series[t].close + series[t + 1].close + series[t + 2].close) / 5;
        return values;
      },
    };
    const result = checkNoLookAhead(centred, candles, [200]);
    expect(result.passed).toBe(false);
    // On candles[0..200] the mean is defined up to t = 198; rows 199 and 200 need candles 201 and 202.
    expect(result.violations.map((v) => [v.row, v.scenario])).toEqual([
      [199, 'appended'],
      [199, 'altered'],
      [200, 'appended'],
      [200, 'altered'],
    ]);
  });

  it('passes a causal batch feature written the same way', () => {
    const trailing: CandleFeature = {
      name: 'trailingMean',
      formula: 'mean(close[t-2..t])',
      compute(series: readonly Candle[]) {
        const values = new Float64Array(series.length).fill(Number.NaN);
        for (let t = 2; t < series.length; t++) values[t] = (series[t - 2].close + series[t - 1].close + series[t].close) / 3;
        return values;
      },
    };
    expect(checkNoLookAhead(trailing, candles).passed).toBe(true);
    expect(checkNoLookAhead(FEATURE_CATALOG[0], candles, [0, 1, 298]).passed).toBe(true);
  });

  it('rejects a cut with nothing after it', () => {
    expect(() => checkNoLookAhead(leakedNextReturnFeature, candles, [299])).toThrow(/cut must be an integer in \[0, 298\], got 299/);
  });
});
