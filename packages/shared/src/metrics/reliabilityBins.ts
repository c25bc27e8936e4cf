import { checkScored } from './checkScored';

/** One bin of a reliability diagram over p(BUY). */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted p(BUY) in the bin (NaN when empty). */
  meanPredicted: number;
  /** Observed share of BUY in the bin (NaN when empty). */
  observed: number;
}

/** Equal-width bins of p(BUY) with predicted vs observed frequency: the data of a reliability diagram. */
export function reliabilityBins(pBuy: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  checkScored(pBuy, labels);
  const count = new Float64Array(bins);
  const predicted = new Float64Array(bins);
  const observed = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const b = Math.min(bins - 1, Math.floor(pBuy[i] * bins));
    count[b]++;
    predicted[b] += pBuy[i];
    observed[b] += labels[i];
  }
  return Array.from({ length: bins }, (_, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: count[b],
    meanPredicted: count[b] ? predicted[b] / count[b] : Number.NaN,
    observed: count[b] ? observed[b] / count[b] : Number.NaN,
  }));
}
