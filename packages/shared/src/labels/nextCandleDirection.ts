import type { Candle } from '../candles/Candle';

/**
 * Class indices used everywhere a model outputs probabilities: softmax output [p(SELL), p(BUY)].
 * BUY means the next candle closes above the current close, SELL below it. HOLD is only a label
 * under the `hold` flat policy.
 */
export const SELL = 0;
export const BUY = 1;
export const HOLD = 2;
export const NO_LABEL = -1;

/**
 * What to do when the next close equals the current close (15% of candles on a thin market):
 * - `drop`: the candle gets no label and is neither trained on nor scored (default; a two-class
 *   model cannot be right or wrong about a flat candle);
 * - `hold`: the candle is labelled HOLD (class 2), for three-class models.
 */
export type FlatPolicy = 'drop' | 'hold';

/** Direction of the next close versus the current one: BUY, SELL, or null when equal. */
export function nextCandleDirection(current: Candle, next: Candle): typeof BUY | typeof SELL | null {
  if (next.close > current.close) return BUY;
  if (next.close < current.close) return SELL;
  return null;
}

/**
 * Labels for a contiguous run of candles: label[t] looks at candle t + 1 only. The last candle has
 * no label (its future is unknown), and flat next candles follow the flat policy.
 */
export function labelCandles(candles: readonly Candle[], flatPolicy: FlatPolicy = 'drop'): Int8Array {
  const labels = new Int8Array(candles.length).fill(NO_LABEL);
  for (let t = 0; t + 1 < candles.length; t++) {
    const direction = nextCandleDirection(candles[t], candles[t + 1]);
    labels[t] = direction ?? (flatPolicy === 'hold' ? HOLD : NO_LABEL);
  }
  return labels;
}
