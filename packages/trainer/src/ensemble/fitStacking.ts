import { CandlecastError, logit, type EnsembleConfig } from '@candlecast/shared';
import { fitLogisticRegression } from './fitLogisticRegression';
import { assertOutOfFold, type OutOfFoldPredictions } from './OutOfFoldPredictions';

export interface StackingOptions {
  /** L2 penalty on the meta-learner's coefficients. Default 1. */
  l2?: number;
  /** Weights to average with when a stacked model is missing at inference. Default: equal. */
  fallbackWeights?: Record<string, number>;
  /** Only these rows of the out-of-fold set (indices into oof.samples); default all. */
  rows?: readonly number[];
}

/**
 * Fits the stacking meta-learner: logistic regression of the label on each base model's
 * logit(p(BUY)). It accepts only out-of-fold predictions (checked), because a base model scored on
 * its own training rows looks better than it is and the meta-learner would trust it.
 */
export function fitStacking(oof: OutOfFoldPredictions, options: StackingOptions = {}): Extract<EnsembleConfig, { method: 'stacking' }> {
  assertOutOfFold(oof);
  const models = Object.keys(oof.predictions);
  if (models.length === 0) throw new CandlecastError('no_models', 'stacking needs at least one base model with out-of-fold predictions');
  const rows = options.rows ?? oof.samples.map((_, i) => i);
  const columns = models.map((name) => Float64Array.from(rows, (i) => logit(oof.predictions[name][i])));
  const fit = fitLogisticRegression(columns, Uint8Array.from(rows, (i) => oof.labels[i]), { l2: options.l2 ?? 1 });
  return {
    method: 'stacking',
    models,
    coefficients: fit.coefficients,
    intercept: fit.intercept,
    fallbackWeights: options.fallbackWeights ?? Object.fromEntries(models.map((name) => [name, 1])),
  };
}
