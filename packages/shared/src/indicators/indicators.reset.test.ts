/** The allocation-free form of every indicator (update, isReady, value/latest, reset) against its add(). */
import { describe, expect, it } from 'vitest';
import type { Candle } from '../candles/Candle';
import { generateCandles } from '../synthetic/generateCandles';
import { ADX } from './ADX';
import { ATR } from './ATR';
import { BollingerBands } from './BollingerBands';
import { CCI } from './CCI';
import { EMA } from './EMA';
import { MACD } from './MACD';
import { MFI } from './MFI';
import { OBV } from './OBV';
import { RSI } from './RSI';
import { SMA } from './SMA';
import { Stochastic } from './Stochastic';
import { WilderMA } from './WilderMA';

const candles: Candle[] = generateCandles({ count: 300, seed: 8, idleProbability: 0.05 });
const other: Candle[] = generateCandles({ count: 120, seed: 9 });

interface Resettable<T> {
  add(input: T): unknown;
  update(input: T): void;
  reset(): void;
  readonly isReady: boolean;
  getRequiredInputs(): number;
}

/** Snapshot of add()'s result (objects are reused, so copied). */
const copy = (result: unknown) => (result !== null && typeof result === 'object' ? { ...result } : result);

const cases: [string, () => Resettable<Candle>][] = [
  ['SMA', () => priced(new SMA(10))],
  ['EMA', () => priced(new EMA(12))],
  ['WilderMA', () => priced(new WilderMA(14))],
  ['RSI', () => priced(new RSI(14))],
  ['MACD', () => priced(new MACD(12, 26, 9))],
  ['BollingerBands', () => priced(new BollingerBands(20, 2))],
  ['ATR', () => new ATR(14)],
  ['ADX', () => new ADX(14)],
  ['Stochastic', () => new Stochastic(14, 3)],
  ['CCI', () => new CCI(20)],
  ['OBV', () => new OBV()],
  ['MFI', () => new MFI(14)],
];

/** Feeds a close-price indicator from candles. */
function priced(indicator: Resettable<number>): Resettable<Candle> {
  return {
    add: (c) => indicator.add(c.close),
    update: (c) => indicator.update(c.close),
    reset: () => indicator.reset(),
    get isReady() {
      return indicator.isReady;
    },
    getRequiredInputs: () => indicator.getRequiredInputs(),
  };
}

describe.each(cases)('%s', (_, create) => {
  it('is ready exactly from its required inputs on, and after reset() repeats a fresh instance value for value', () => {
    const fresh = create();
    const expected = candles.map((c) => copy(fresh.add(c)));
    expect(expected.findIndex((v) => v !== null)).toBe(fresh.getRequiredInputs() - 1);

    const reused = create();
    for (const c of other) reused.update(c);
    reused.reset();
    expect(reused.isReady).toBe(false);
    candles.forEach((c, t) => {
      expect(copy(reused.add(c)), `candle ${t}`).toEqual(expected[t]);
      expect(reused.isReady).toBe(expected[t] !== null);
    });
  });
});
