import { describe, expect, it } from 'vitest';
import { scoreBaseline, scoreModel } from './scoreModel';

describe('scoreModel', () => {
  // Model calls B B S S B S (BUY when p > 0.5) on labels 1 0 1 0 1 0: right at i = 0, 3, 4, 5 = 4/6.
  // Baseline always BUY: right at i = 0, 2, 4 = 3/6. Gain = 4/6 - 3/6 = 1/6.
  const pBuy = [0.9, 0.6, 0.4, 0.2, 0.7, 0.5];
  const labels = [1, 0, 1, 0, 1, 0];
  const report = scoreModel({
    pBuy,
    labels,
    bestBaseline: { name: 'alwaysBuy', pBuy: [1, 1, 1, 1, 1, 1] },
    foldAccuracies: [0.5, 0.6, 0.7],
    bootstrap: { resamples: 200, seed: 1 },
  });

  it('collects the metrics of the pooled predictions', () => {
    expect(report.samples).toBe(6);
    expect(report.accuracy).toBeCloseTo(4 / 6, 12);
    expect(report.confusion).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(report.classes.BUY.precision).toBeCloseTo(2 / 3, 12);
    expect(report.precisionAtCoverage['1']).toBe(report.accuracy);
    expect(report.folds.accuracy.mean).toBeCloseTo(0.6, 12);
  });

  it('gives the gain over the named baseline with its interval', () => {
    expect(report.gainOverBestBaseline.baseline).toBe('alwaysBuy');
    expect(report.gainOverBestBaseline.value).toBeCloseTo(1 / 6, 12);
    const [lower, upper] = report.gainOverBestBaseline.ci95;
    expect(lower).toBeLessThanOrEqual(1 / 6);
    expect(upper).toBeGreaterThanOrEqual(1 / 6);
  });

  it('stores empty reliability bins as null so the JSON stays valid', () => {
    // p = 0.9, 0.6, 0.4, 0.2, 0.7, 0.5 fill bins 9, 6, 4, 2, 7, 5; bins 0, 1, 3, 8 are empty.
    expect(report.reliability.filter((b) => b.count === 0).map((b) => b.lower)).toEqual([0, 0.1, 0.3, 0.8]);
    expect(report.reliability[0]).toMatchObject({ meanPredicted: null, observed: null });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('scoreBaseline', () => {
  it('gives accuracy with its Wilson interval', () => {
    // 8 of 10 right -> Wilson 95% [0.4902, 0.9433]
    const baseline = scoreBaseline([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    expect(baseline.accuracy).toBe(0.8);
    expect(baseline.accuracyCi95[0]).toBeCloseTo(0.4902, 4);
    expect(baseline.accuracyCi95[1]).toBeCloseTo(0.9433, 4);
  });
});
