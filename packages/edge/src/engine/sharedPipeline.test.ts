/**
 * packages/shared must run unchanged in workerd: this runs the candle-to-window pipeline inside the
 * Workers runtime (this file is in the edge-workers project) and checks it against values computed
 * here from first principles.
 */
import { buildDataset, DEFAULT_FEATURE_SPEC, FeatureStream, generateCandles, materializeWindows, minimumCandles, parseCandlesCsv } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';

describe('shared pipeline in workerd', () => {
  it('parses, computes features and windows the same way as in Node', () => {
    const candles = generateCandles({ count: 1000, seed: 21 });
    const csv = ['timestamp,open,high,low,close,volume', ...candles.map((c) => `${c.time},${c.open},${c.high},${c.low},${c.close},${c.volume}`)].join('\n');
    expect(parseCandlesCsv(csv)).toEqual(candles);
    const dataset = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength: 60 });
    expect(dataset.ends[0]).toBe(minimumCandles(DEFAULT_FEATURE_SPEC, 60) - 1);
    const row = new Float32Array(20);
    const last = materializeWindows(dataset.features, 20, 60, dataset.ends, [dataset.ends.length - 1]);
    // The last labelled sample ends one candle before the stream's last row (that candle has no label).
    const stream = new FeatureStream(DEFAULT_FEATURE_SPEC);
    for (const candle of candles.slice(0, dataset.ends[dataset.ends.length - 1] + 1)) stream.add(candle, row);
    expect(Array.from(last.subarray(59 * 20, 60 * 20))).toEqual(Array.from(row));
    expect(row[0]).toBeCloseTo(Math.log(candles[dataset.ends[dataset.ends.length - 1]].close / candles[dataset.ends[dataset.ends.length - 1] - 1].close), 6);
  });
});
