import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_SPEC } from '../features/FeatureSpec';
import { computeFeatures } from '../features/computeFeatures';
import { BUY, NO_LABEL, SELL } from '../labels/nextCandleDirection';
import { generateCandles } from '../synthetic/generateCandles';
import { buildDataset } from './buildDataset';
import { materializeWindows } from './materializeWindows';
import { minimumCandles } from './minimumCandles';
import { NotEnoughCandlesError } from './NotEnoughCandlesError';

const spec = DEFAULT_FEATURE_SPEC;
const candles = generateCandles({ count: 1200, seed: 5 });

describe('buildDataset', () => {
  it('makes one sample per labelled candle with a complete window, labels looking one candle ahead', () => {
    const W = 30;
    const dataset = buildDataset(candles, { spec, windowLength: W });
    const first = spec.warmUp - 1 + W - 1;
    // Every candle from `first` to the second-to-last, except flat next candles (dropped).
    const expected: number[] = [];
    for (let t = first; t < candles.length - 1; t++) if (candles[t + 1].close !== candles[t].close) expected.push(t);
    expect(Array.from(dataset.ends)).toEqual(expected);
    dataset.ends.forEach((t, i) => expect(dataset.labels[i]).toBe(candles[t + 1].close > candles[t].close ? BUY : SELL));
  });

  it('keeps the last candle as an unlabelled sample when asked (a live signal)', () => {
    const dataset = buildDataset(candles, { spec, windowLength: 30, keepUnlabelledLast: true });
    expect(dataset.ends[dataset.ends.length - 1]).toBe(candles.length - 1);
    expect(dataset.labels[dataset.labels.length - 1]).toBe(NO_LABEL);
  });

  it('labels flat next candles HOLD under the hold policy', () => {
    const withIdle = generateCandles({ count: 1200, seed: 9, idleProbability: 0.2 });
    const drop = buildDataset(withIdle, { spec, windowLength: 30 });
    const hold = buildDataset(withIdle, { spec, windowLength: 30, flatPolicy: 'hold' });
    const holds = Array.from(hold.labels).filter((l) => l === 2).length;
    expect(holds).toBeGreaterThan(10);
    expect(hold.ends.length).toBe(drop.ends.length + holds);
  });

  it('needs warm-up + window - 1 candles and says how many', () => {
    expect(minimumCandles(spec, 60)).toBe(434);
    expect(() => buildDataset(candles.slice(0, 433), { spec, windowLength: 60 })).toThrow(NotEnoughCandlesError);
    expect(() => buildDataset(candles.slice(0, 433), { spec, windowLength: 60 })).toThrow('needs at least 434 contiguous candles, got 433');
    expect(buildDataset(candles.slice(0, 435), { spec, windowLength: 60 }).ends.length).toBeGreaterThan(0);
  });

  it('never lets a window span a gap under the segment policy', () => {
    const gapped = [...candles.slice(0, 500), ...candles.slice(510)];
    const dataset = buildDataset(gapped, { spec, windowLength: 30, gapPolicy: 'segment' });
    // Rows 0..499 are segment 1, 500.. segment 2; a window ending in segment 2 must start inside it.
    for (const end of dataset.ends) {
      if (end >= 500) expect(end - 30 + 1).toBeGreaterThanOrEqual(500 + spec.warmUp - 1);
    }
    expect(dataset.gaps).toBe(1);
  });

  it('materialises windows as [samples, W, F] copies of the right feature rows', () => {
    const W = 30;
    const dataset = buildDataset(candles, { spec, windowLength: W });
    const rows = computeFeatures(candles, spec).values;
    const picks = [0, 7, dataset.ends.length - 1];
    const tensor = materializeWindows(dataset.features, 20, W, dataset.ends, picks);
    expect(tensor.length).toBe(picks.length * W * 20);
    picks.forEach((sample, s) => {
      const end = dataset.ends[sample];
      for (let step = 0; step < W; step++) {
        for (let f = 0; f < 20; f++) expect(tensor[(s * W + step) * 20 + f]).toBe(rows[(end - W + 1 + step) * 20 + f]);
      }
    });
  });
});
