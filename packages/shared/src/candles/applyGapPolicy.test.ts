import { describe, expect, it } from 'vitest';
import { applyGapPolicy } from './applyGapPolicy';
import type { Candle } from './Candle';
import { GapError } from './GapError';

const minute = 60_000;
const candle = (i: number, close = 100 + i): Candle => ({ time: i * minute, open: close, high: close + 1, low: close - 1, close, volume: 1 });
// Minutes 0, 1, 2, then 5, 6: two missing (3 and 4).
const withGap = [candle(0), candle(1), candle(2), candle(5), candle(6)];

describe('applyGapPolicy', () => {
  it('fail names the row after the gap and how many candles are missing', () => {
    expect(() => applyGapPolicy(withGap, '1m', { policy: 'fail' })).toThrow(GapError);
    expect(() => applyGapPolicy(withGap, '1m', { policy: 'fail' })).toThrow(/row 4: field "timestamp" jumps from .* 2 candles missing/);
  });

  it('fill inserts flat zero-volume candles at the previous close and keeps every original candle', () => {
    const { segments, filled, gaps } = applyGapPolicy(withGap, '1m', { policy: 'fill' });
    expect(filled).toBe(2);
    expect(gaps).toEqual([{ row: 4, from: 2 * minute, to: 5 * minute, missing: 2 }]);
    expect(segments).toHaveLength(1);
    expect(segments[0].map((c) => c.time / minute)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(segments[0][3]).toEqual({ time: 3 * minute, open: 102, high: 102, low: 102, close: 102, volume: 0 });
    for (const original of withGap) expect(segments[0]).toContainEqual(original);
  });

  it('fill refuses a gap longer than its limit', () => {
    expect(() => applyGapPolicy(withGap, '1m', { policy: 'fill', maxFill: 1 })).toThrow(/longer than the fill limit of 1; use the segment policy/);
  });

  it('segment splits at the gap without dropping candles', () => {
    const { segments } = applyGapPolicy(withGap, '1m', { policy: 'segment' });
    expect(segments.map((s) => s.map((c) => c.time / minute))).toEqual([[0, 1, 2], [5, 6]]);
  });

  it('passes a complete grid through untouched', () => {
    const complete = [candle(0), candle(1), candle(2)];
    expect(applyGapPolicy(complete, '1m', { policy: 'fail' })).toEqual({ segments: [complete], gaps: [], filled: 0 });
  });
});
