import { describe, expect, it } from 'vitest';
import type { Candle } from '../candles/Candle';
import { BUY, HOLD, labelCandles, NO_LABEL, SELL } from './nextCandleDirection';

const closes = [10, 11, 11, 9, 12];
const candles: Candle[] = closes.map((close, i) => ({ time: i * 60_000, open: close, high: close, low: close, close, volume: 1 }));

describe('labelCandles', () => {
  it('labels t by the close of t + 1 only, and leaves the last candle unlabelled', () => {
    expect(Array.from(labelCandles(candles))).toEqual([BUY, NO_LABEL, SELL, BUY, NO_LABEL]);
  });

  it('labels a flat next candle HOLD under the hold policy', () => {
    expect(Array.from(labelCandles(candles, 'hold'))).toEqual([BUY, HOLD, SELL, BUY, NO_LABEL]);
  });

  it('does not change a label when later candles change (only t + 1 matters)', () => {
    const altered = [...candles.slice(0, 3), { ...candles[3], close: 100 }, { ...candles[4], close: 1 }];
    expect(labelCandles(altered)[1]).toBe(labelCandles(candles)[1]);
    expect(labelCandles(altered)[0]).toBe(labelCandles(candles)[0]);
  });
});
