import { describe, expect, it } from 'vitest';
import { checkCandleSequence } from '../candles/checkCandleSequence';
import { toCandle } from '../candles/toCandle';
import { generateCandles } from './generateCandles';

function reverseLastAccuracy(bounce: number): number {
  const candles = generateCandles({ count: 20_000, seed: 3, bounce });
  let right = 0;
  let scored = 0;
  for (let i = 1; i + 1 < candles.length; i++) {
    const last = Math.sign(candles[i].close - candles[i - 1].close);
    const next = Math.sign(candles[i + 1].close - candles[i].close);
    if (last === 0 || next === 0) continue;
    scored++;
    if (last !== next) right++;
  }
  return right / scored;
}

describe('generateCandles', () => {
  it('is reproducible from its seed and different across seeds', () => {
    expect(generateCandles({ count: 50, seed: 1 })).toEqual(generateCandles({ count: 50, seed: 1 }));
    expect(generateCandles({ count: 50, seed: 1 })).not.toEqual(generateCandles({ count: 50, seed: 2 }));
  });

  it('produces candles that pass validation on a complete 1m grid', () => {
    const candles = generateCandles({ count: 2000, seed: 4 });
    candles.forEach((c, i) => expect(toCandle(i + 1, c)).toEqual(c));
    expect(() => checkCandleSequence(candles, '1m')).not.toThrow();
  });

  it('plants a reverse-last-candle edge that grows with the bounce', () => {
    const weak = reverseLastAccuracy(0.35);
    const strong = reverseLastAccuracy(2);
    expect(weak).toBeGreaterThan(0.51);
    expect(weak).toBeLessThan(0.58);
    expect(strong).toBeGreaterThan(0.6);
  });
});
