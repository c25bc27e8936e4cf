import { checkScored } from './checkScored';

/**
 * Counts indexed `[actual][predicted]`, classes in label order: index 0 = SELL, 1 = BUY.
 * `counts[1][0]` is the number of BUY candles the model called SELL.
 */
export type ConfusionMatrix = [[number, number], [number, number]];

/** Confusion matrix of the call "BUY when p(BUY) > threshold, else SELL" against 0/1 labels. */
export function confusionMatrix(pBuy: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): ConfusionMatrix {
  checkScored(pBuy, labels);
  const counts: ConfusionMatrix = [
    [0, 0],
    [0, 0],
  ];
  for (let i = 0; i < labels.length; i++) counts[labels[i]][pBuy[i] > threshold ? 1 : 0]++;
  return counts;
}
