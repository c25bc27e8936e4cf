import { reliabilityBins } from './reliabilityBins';

/**
 * Expected calibration error over equal-width bins of p(BUY): the count-weighted mean of
 * |mean predicted - observed frequency|. 0 means "a stated 60% happens 60% of the time".
 */
export function expectedCalibrationError(pBuy: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): number {
  let sum = 0;
  for (const bin of reliabilityBins(pBuy, labels, bins)) {
    if (bin.count > 0) sum += bin.count * Math.abs(bin.meanPredicted - bin.observed);
  }
  return sum / labels.length;
}
