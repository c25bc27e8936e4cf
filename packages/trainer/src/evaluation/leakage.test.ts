import { generateCandles, buildDataset, DEFAULT_FEATURE_SPEC } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { appendFeatureColumn, assessLeakage, shuffleLabels, suspicion } from './leakage';

describe('shuffleLabels', () => {
  it('permutes a copy, keeping the class counts, reproducibly', () => {
    const labels = Int8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const shuffled = shuffleLabels(labels, 4);
    expect(shuffled).not.toBe(labels);
    expect(labels[0]).toBe(1);
    expect(shuffled.reduce((s, v) => s + v, 0)).toBe(labels.reduce((s, v) => s + v, 0));
    expect(shuffled).not.toEqual(labels);
    expect(shuffleLabels(labels, 4)).toEqual(shuffled);
  });
});

describe('suspicion', () => {
  it('warns above 58% and stays silent at or below it', () => {
    expect(suspicion(0.62)).toMatch(/^accuracy 62\.0% exceeds 58\.0% on next-candle direction\. .*leakage/);
    expect(suspicion(0.58)).toBeNull();
    expect(suspicion(0.54)).toBeNull();
  });

  it('takes a custom threshold and names the model and the baseline', () => {
    expect(suspicion(0.56, 0.55, { model: 'lstm', bestBaseline: { name: 'reverseLast', accuracy: 0.537 } })).toMatch(
      /^lstm: accuracy 56\.0% exceeds 55\.0% .*\(reverseLast\) scores 53\.7%, so the model adds \+2\.3 points/,
    );
  });
});

describe('assessLeakage', () => {
  const clean = {
    modelAccuracies: { lstm: 0.536, ensemble: 0.541 },
    shuffledLabel: { accuracy: 0.503, majorityAccuracy: 0.5, samples: 4000 },
    leakedFeature: { detectedByLookAheadCheck: true, accuracy: 0.99 },
    lookAheadFailures: [],
  };

  it('is quiet when every canary behaves', () => {
    expect(assessLeakage(clean)).toEqual({ suspicious: false, warnings: [] });
  });

  it('raises one warning per failed canary', () => {
    // 3 SE at p = 0.5, n = 4000: 3 * sqrt(0.25 / 4000) = 0.0237 -> 0.53 is above 0.5237.
    const { suspicious, warnings } = assessLeakage({
      modelAccuracies: { transformer: 0.64 },
      shuffledLabel: { accuracy: 0.53, majorityAccuracy: 0.5, samples: 4000 },
      leakedFeature: { detectedByLookAheadCheck: false, accuracy: 0.6 },
      lookAheadFailures: ['rsi14'],
    });
    expect(suspicious).toBe(true);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/^transformer: accuracy 64\.0%/);
    expect(warnings[1]).toMatch(/shuffled labels scored 53\.0%/);
    expect(warnings[2]).toMatch(/"rsi14" changes when future candles change/);
    expect(warnings[3]).toMatch(/did not flag the planted/);
    expect(warnings[4]).toMatch(/scored only 60\.0%/);
  });

  it('widens the shuffled-label standard error by the spread between permutations', () => {
    // Binomial 3 SE is 2.37 pt; permutations at 0.51, 0.55, 0.53 (sd 0.02, SE of their mean 0.01155)
    // give 3 * sqrt(0.25 / 4000 + 0.01155^2) = 0.0427 -> a mean of 0.53 is within it.
    const spread = { accuracy: 0.53, majorityAccuracy: 0.5, samples: 4000 };
    expect(assessLeakage({ ...clean, shuffledLabel: { ...spread, repeatAccuracies: [0.51, 0.55, 0.53] } }).warnings).toEqual([]);
    expect(assessLeakage({ ...clean, shuffledLabel: { ...spread, repeatAccuracies: [0.529, 0.531, 0.53] } }).warnings[0]).toMatch(/shuffled labels scored 53\.0%/);
  });
});

describe('appendFeatureColumn', () => {
  it('adds the planted column, which equals the label direction on every sample', () => {
    const dataset = buildDataset(generateCandles({ count: 900, seed: 2 }), { spec: DEFAULT_FEATURE_SPEC, windowLength: 10 });
    const leaked = appendFeatureColumn(dataset, {
      name: 'next',
      formula: 'close[t+1] / close[t]',
      compute: (c) => Float64Array.from(c, (_, t) => (t + 1 < c.length ? c[t + 1].close / c[t].close : Number.NaN)),
    });
    expect(leaked.featureCount).toBe(21);
    expect(leaked.spec.names.at(-1)).toBe('next');
    expect(leaked.spec.hash).not.toBe(dataset.spec.hash);
    expect(leaked.features[5 * 21 + 7]).toBe(dataset.features[5 * 20 + 7]);
    for (let i = 0; i < leaked.ends.length; i++) {
      expect(leaked.features[leaked.ends[i] * 21 + 20] > 1 ? 1 : 0).toBe(leaked.labels[i]);
    }
    // The last row has no next candle: filled with 0, not NaN.
    expect(leaked.features[(leaked.rows - 1) * 21 + 20]).toBe(0);
  });
});
