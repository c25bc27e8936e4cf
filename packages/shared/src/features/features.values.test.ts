/** Hand-computed values for the features that are not plain reference indicators. */
import { describe, expect, it } from 'vitest';
import type { Candle } from '../candles/Candle';
import { computeFeatures } from './computeFeatures';
import { createFeatureSpec } from './FeatureSpec';

const c = (i: number, open: number, high: number, low: number, close: number, volume: number): Candle => ({ time: i * 60_000, open, high, low, close, volume });

function column(candles: Candle[], name: string): number[] {
  return Array.from(computeFeatures(candles, createFeatureSpec([name])).values);
}

describe('feature values', () => {
  const candles = [c(0, 100, 101, 99, 100, 1), c(1, 100, 103, 100, 102, 3), c(2, 102, 102, 98, 99, 0), c(3, 99, 99, 99, 99, 2)];

  it('logReturn1 = ln(close[t] / close[t-1])', () => {
    const values = column(candles, 'logReturn1');
    expect(values[0]).toBeNaN();
    expect(values[1]).toBeCloseTo(Math.log(102 / 100), 7);
    expect(values[2]).toBeCloseTo(Math.log(99 / 102), 7);
    expect(values[3]).toBe(0);
  });

  it('candleBody = (close - open) / (high - low), 0 for a flat candle', () => {
    expect(column(candles, 'candleBody')).toEqual([0, Math.fround(2 / 3), Math.fround(-3 / 4), 0]);
  });

  it('obvSlope10 is the signed share of the last 10 candles volume', () => {
    // Closes alternate up/down with volume 1 on up candles and 3 on down candles: 11 candles after
    // the first, the last 10 moves are 5 up (5) and 5 down (15) -> (5 - 15) / 20 = -0.5.
    const series: Candle[] = [c(0, 10, 10, 10, 10, 1)];
    for (let i = 1; i <= 11; i++) {
      const close = i % 2 === 1 ? 11 : 10;
      series.push(c(i, 10, 11, 10, close, i % 2 === 1 ? 1 : 3));
    }
    const values = column(series, 'obvSlope10');
    expect(values.slice(0, 11).every(Number.isNaN)).toBe(true);
    // At t = 11 the window t-9..t holds moves 2..11: five up (volume 1) and five down (volume 3).
    expect(values[11]).toBeCloseTo((5 * 1 - 5 * 3) / 20, 7);
  });

  it('volumeZScore20 standardises ln(1 + volume) over 20 candles, 0 when constant', () => {
    const flat = Array.from({ length: 21 }, (_, i) => c(i, 1, 1, 1, 1, 5));
    expect(column(flat, 'volumeZScore20')[20]).toBe(0);
    const spike = [...flat.slice(0, 20), c(20, 1, 1, 1, 1, 5 * Math.E ** 2)];
    const logs = spike.slice(1).map((x) => Math.log1p(x.volume));
    const mean = logs.reduce((a, b) => a + b) / 20;
    const std = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / 20);
    expect(column(spike, 'volumeZScore20')[20]).toBeCloseTo((logs[19] - mean) / std, 5);
  });
});
