import { describe, expect, it } from 'vitest';
import { parseCandlesJson } from './parseCandlesJson';

describe('parseCandlesJson', () => {
  const t = Date.UTC(2024, 0, 1);

  it('reads objects with long or short keys and Binance kline arrays alike', () => {
    const expected = { time: t, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 };
    expect(parseCandlesJson([{ timestamp: '2024-01-01T00:00:00Z', open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }])).toEqual([expected]);
    expect(parseCandlesJson([{ t, o: '1', h: '2', l: '0.5', c: '1.5', v: '10' }])).toEqual([expected]);
    expect(parseCandlesJson([[t, '1', '2', '0.5', '1.5', '10', t + 59_999, '15', 3]])).toEqual([expected]);
  });

  it('names the row and field of a bad candle', () => {
    const good = { t, o: 1, h: 1, l: 1, c: 1, v: 1 };
    expect(() => parseCandlesJson([good, { ...good, t: t + 60_000, h: 0.5 }])).toThrow('row 2: field "high" must be >= max(open, close) = 1 (got 0.5)');
    expect(() => parseCandlesJson([good, { ...good, t: t + 60_000, c: undefined }])).toThrow('row 2: field "close" must be a finite number (got nothing)');
    expect(() => parseCandlesJson([good, 'x'])).toThrow('row 2: field "candle" must be an object or an array');
    expect(() => parseCandlesJson([[t, 1, 1]])).toThrow(/row 1: field "candle" array must be/);
    expect(() => parseCandlesJson({})).toThrow(/field "candles" must be an array/);
    expect(() => parseCandlesJson([])).toThrow(/must not be empty/);
  });
});
