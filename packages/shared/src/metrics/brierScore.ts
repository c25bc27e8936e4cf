import { checkScored } from './checkScored';

/** Brier score: mean squared error of p(BUY) against the 0/1 outcome. 0.25 for a constant 0.5; lower is better. */
export function brierScore(pBuy: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkScored(pBuy, labels);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (pBuy[i] - labels[i]) ** 2;
  return sum / labels.length;
}
