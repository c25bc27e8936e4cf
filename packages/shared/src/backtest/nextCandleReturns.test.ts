import { describe, expect, it } from 'vitest';
import type { Candle } from '../candles/Candle';
import { nextCandleReturns } from './nextCandleReturns';

const candle = (close: number): Candle => ({ time: 0, open: close, high: close, low: close, close, volume: 1 });

describe('nextCandleReturns', () => {
  it('gives close[t+1] / close[t] - 1 for each row', () => {
    // closes 100, 101, 101, 99.99: rows 0 -> +1%, 1 -> 0 (flat), 2 -> 99.99/101 - 1 = -0.01
    const candles = [100, 101, 101, 99.99].map(candle);
    expect(Array.from(nextCandleReturns(candles, [0, 1, 2]))).toEqual([expect.closeTo(0.01, 15), 0, expect.closeTo(-0.01, 15)]);
  });

  it('rejects the last row, whose next candle is unknown', () => {
    expect(() => nextCandleReturns([candle(1), candle(2)], [1])).toThrow(/row 1 has no next candle/);
  });
});
