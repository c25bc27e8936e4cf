import { checkScored } from './checkScored';

/**
 * Area under the ROC curve of p(BUY) for BUY (1) against SELL (0), computed from ranks
 * (Mann-Whitney U): the probability that a random BUY candle gets a higher p(BUY) than a random
 * SELL candle, a tie counting one half. Tied probabilities share their average rank, which is what
 * makes a tie worth one half. Null when only one class occurs (the area is undefined).
 */
export function rocAuc(pBuy: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  checkScored(pBuy, labels);
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => pBuy[a] - pBuy[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    let groupPositives = 0;
    while (end < n && pBuy[order[end]] === pBuy[order[start]]) groupPositives += labels[order[end++]];
    // 1-based ranks start+1 .. end share their mean.
    positiveRankSum += groupPositives * ((start + 1 + end) / 2);
    positives += groupPositives;
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
