import { describe, expect, it } from 'vitest';
import type { Candle } from './Candle';
import { resampleCandles } from './resampleCandles';

const minute = 60_000;
// 11 one-minute candles from 00:03 to 00:13: buckets 00:00 (3 of 5), 00:05 (5), 00:10 (4 of 5).
const candles: Candle[] = Array.from({ length: 11 }, (_, k) => {
  const i = k + 3;
  return { time: i * minute, open: i, high: i + 0.5, low: i - 0.5, close: i + 0.25, volume: i };
});

describe('resampleCandles', () => {
  it('aggregates to 5m buckets aligned to :00/:05/:10', () => {
    const five = resampleCandles(candles, '1m', '5m');
    expect(five.map((c) => c.time / minute)).toEqual([0, 5, 10]);
    expect(five[1]).toEqual({ time: 5 * minute, open: 5, high: 9.5, low: 4.5, close: 9.25, volume: 5 + 6 + 7 + 8 + 9 });
  });

  it('drops incomplete buckets only when asked', () => {
    expect(resampleCandles(candles, '1m', '5m', { dropIncomplete: true }).map((c) => c.time / minute)).toEqual([5]);
  });

  it('aggregates to 15m and rejects a target that is not a whole multiple', () => {
    const fifteen = resampleCandles(candles, '1m', '15m');
    expect(fifteen).toEqual([{ time: 0, open: 3, high: 13.5, low: 2.5, close: 13.25, volume: 88 }]);
    expect(() => resampleCandles(fifteen, '15m', '5m')).toThrow(/whole multiple/);
  });
});
