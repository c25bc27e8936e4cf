import { CandlecastError } from '../errors/CandlecastError';
import { BUY, HOLD, SELL } from '../labels/nextCandleDirection';

/**
 * Turns p(BUY) into signals: BUY when p(BUY) > 0.5 + minConfidence, SELL when
 * p(BUY) < 0.5 - minConfidence, HOLD in between (HOLD is 2, as the label constant). With
 * minConfidence 0 every sample trades except p(BUY) = 0.5 exactly.
 */
export function signalsFromProbabilities(pBuy: ArrayLike<number>, minConfidence = 0): Uint8Array {
  if (!(minConfidence >= 0 && minConfidence < 0.5)) {
    throw new CandlecastError('invalid_backtest_input', `minConfidence must be in [0, 0.5), got ${minConfidence}`);
  }
  const signals = new Uint8Array(pBuy.length);
  for (let i = 0; i < pBuy.length; i++) {
    signals[i] = pBuy[i] > 0.5 + minConfidence ? BUY : pBuy[i] < 0.5 - minConfidence ? SELL : HOLD;
  }
  return signals;
}
