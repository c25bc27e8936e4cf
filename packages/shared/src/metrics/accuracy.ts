import { checkScored } from './checkScored';

/** Share of samples where p(BUY) > threshold agrees with the label (BUY = 1). A fraction in [0, 1]. */
export function accuracy(pBuy: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): number {
  checkScored(pBuy, labels);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) correct += (pBuy[i] > threshold ? 1 : 0) === labels[i] ? 1 : 0;
  return correct / labels.length;
}
