import type { Candle } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { baselinePredictions } from './baselinePredictions';

const candle = (close: number): Candle => ({ time: 0, open: close, high: close, low: close, close, volume: 1 });

describe('baselinePredictions', () => {
  it('reverses or follows the last candle and falls back to the majority on a flat one', () => {
    // closes 100, 101, 100.5, 100.5, 102: at row 1 the last candle rose, row 2 fell, row 3 flat, row 4 rose.
    const candles = [100, 101, 100.5, 100.5, 102].map(candle);
    const { majority, reverseLast, followLast } = baselinePredictions(candles, [1, 2, 3, 4], 0);
    expect(Array.from(majority)).toEqual([0, 0, 0, 0]);
    expect(Array.from(reverseLast)).toEqual([0, 1, 0, 0]);
    expect(Array.from(followLast)).toEqual([1, 0, 0, 1]);
    expect(Array.from(baselinePredictions(candles, [3], 1).reverseLast)).toEqual([1]);
  });
});
