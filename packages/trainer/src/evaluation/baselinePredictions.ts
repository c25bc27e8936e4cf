import { BUY, type Candle } from '@candlecast/shared';

/** p(BUY) of the naive baselines for the given signal rows, each 0 or 1 (a hard call). */
export interface BaselinePredictions {
  /** Always the training set's majority class. */
  majority: Float32Array;
  /** The opposite of the last candle's direction (bid-ask bounce): up -> SELL, down -> BUY. */
  reverseLast: Float32Array;
  /** The last candle's direction again (momentum). */
  followLast: Float32Array;
}

/**
 * The baselines every model is shown beside. `rows` index `candles` (a Dataset's `ends` for the
 * scored samples); the last candle's direction is close[row] vs close[row - 1]. Where that candle
 * was flat (or there is none) both last-candle baselines fall back to the majority class, the only
 * call that uses no information.
 */
export function baselinePredictions(candles: readonly Candle[], rows: ArrayLike<number>, majorityClass: number): BaselinePredictions {
  const majority = new Float32Array(rows.length).fill(majorityClass === BUY ? 1 : 0);
  const reverseLast = new Float32Array(rows.length);
  const followLast = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i];
    const move = t > 0 ? Math.sign(candles[t].close - candles[t - 1].close) : 0;
    followLast[i] = move === 0 ? majority[i] : move > 0 ? 1 : 0;
    reverseLast[i] = move === 0 ? majority[i] : move > 0 ? 0 : 1;
  }
  return { majority, reverseLast, followLast };
}
