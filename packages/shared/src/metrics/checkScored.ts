import { CandlecastError } from '../errors/CandlecastError';

/**
 * Checks that probabilities and labels line up: same length, at least one sample, p in [0, 1],
 * labels 0 (SELL) or 1 (BUY). Every metric calls it, so a mismatch is an error, never a number.
 */
export function checkScored(pBuy: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (pBuy.length !== labels.length) {
    throw new CandlecastError('invalid_metric_input', `got ${pBuy.length} probabilities for ${labels.length} labels`);
  }
  if (pBuy.length === 0) throw new CandlecastError('invalid_metric_input', 'no samples to score');
  for (let i = 0; i < pBuy.length; i++) {
    const p = pBuy[i];
    if (!(p >= 0 && p <= 1)) throw new CandlecastError('invalid_metric_input', `probability ${i} is ${p}, not in [0, 1]`);
    if (labels[i] !== 0 && labels[i] !== 1) throw new CandlecastError('invalid_metric_input', `label ${i} is ${labels[i]}, not 0 or 1`);
  }
}
