import { CandlecastError } from '../errors/CandlecastError';
import { rankByConfidence, samplesAtCoverage } from './rankByConfidence';

/** The coverage levels every report shows: the 10%, 20%, 50% most confident signals, and all. */
export const REPORT_COVERAGES = [0.1, 0.2, 0.5, 1] as const;

/**
 * Precision at coverage: act only on the most confident `coverage` share of samples (by
 * |p(BUY) - 0.5|, round(coverage × n) samples, at least 1) and measure the accuracy of the signals
 * taken. Keys are the coverages as strings: `{ "0.1": ..., "0.2": ..., "0.5": ..., "1": ... }`;
 * the value at "1" equals `accuracy`. Fractions in [0, 1].
 */
export function precisionAtCoverage(
  pBuy: ArrayLike<number>,
  labels: ArrayLike<number>,
  coverages: readonly number[] = REPORT_COVERAGES,
): Record<string, number> {
  const { correctSoFar } = rankByConfidence(pBuy, labels);
  const result: Record<string, number> = {};
  for (const coverage of coverages) {
    if (!(coverage > 0 && coverage <= 1)) throw new CandlecastError('invalid_metric_input', `coverage must be in (0, 1], got ${coverage}`);
    const taken = samplesAtCoverage(coverage, labels.length);
    result[String(coverage)] = correctSoFar[taken] / taken;
  }
  return result;
}
