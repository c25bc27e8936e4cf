import { describe, expect, it } from 'vitest';
import { accuracy } from '../metrics/accuracy';
import { DEFAULT_FEATURE_SPEC } from '../features/FeatureSpec';
import { generateCandles } from '../synthetic/generateCandles';
import { buildDataset } from '../windows/buildDataset';
import { closesDataset } from './baselineFixture';
import { reverseLastCandle } from './reverseLastCandle';

describe('reverseLastCandle', () => {
  // closes 10 -> 11 (up) -> 10.5 (down) -> 10.5 (flat) -> 12 (up)
  const dataset = closesDataset([10, 11, 10.5, 10.5, 12], [1, 2, 3, 4], [0, 1, 1, 0]);

  it('predicts SELL after an up candle, BUY after a down candle and 0.5 after a flat one', () => {
    expect(Array.from(reverseLastCandle(dataset, [0, 1, 2, 3]))).toEqual([0, 1, 0.5, 0]);
    expect(Array.from(reverseLastCandle(dataset, [3, 1]))).toEqual([0, 1]);
  });

  it('softens the probabilities with a confidence below 1', () => {
    Array.from(reverseLastCandle(dataset, [0, 1, 2], 0.4)).forEach((p, i) => expect(p).toBeCloseTo([0.3, 0.7, 0.5][i], 6));
  });

  it('scores the planted bid-ask bounce of a generated market above 50%', () => {
    const market = buildDataset(generateCandles({ count: 2000, seed: 5, bounce: 2 }), { spec: DEFAULT_FEATURE_SPEC, windowLength: 30 });
    const samples = Array.from(market.ends, (_, i) => i);
    const labels = samples.map((i) => market.labels[i]);
    expect(accuracy(reverseLastCandle(market, samples), labels)).toBeGreaterThan(0.55);
  });
});
