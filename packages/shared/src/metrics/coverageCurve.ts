import { CandlecastError } from '../errors/CandlecastError';
import { rankByConfidence, samplesAtCoverage } from './rankByConfidence';

/** One point of a coverage-precision curve. */
export interface CoveragePoint {
  /** Share of samples acted on, in (0, 1]. */
  coverage: number;
  /** Accuracy of the signals taken, in [0, 1]. */
  precision: number;
  /** The least |p(BUY) - 0.5| among the signals taken: the confidence threshold that gives this coverage. */
  minConfidence: number;
}

/**
 * Coverage-precision curve at `steps` evenly spaced coverages (1/steps, 2/steps, ..., 1): how the
 * accuracy of the signals taken changes as a trader demands more confidence. A model whose
 * probabilities mean something rises to the left; a flat curve means its confidence is noise.
 */
export function coverageCurve(pBuy: ArrayLike<number>, labels: ArrayLike<number>, steps = 20): CoveragePoint[] {
  if (!Number.isInteger(steps) || steps < 1) throw new CandlecastError('invalid_metric_input', `steps must be a positive integer, got ${steps}`);
  const { correctSoFar, confidence } = rankByConfidence(pBuy, labels);
  return Array.from({ length: steps }, (_, s) => {
    const coverage = (s + 1) / steps;
    const taken = samplesAtCoverage(coverage, labels.length);
    return { coverage, precision: correctSoFar[taken] / taken, minConfidence: confidence[taken - 1] };
  });
}
