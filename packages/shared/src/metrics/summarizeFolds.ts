import { CandlecastError } from '../errors/CandlecastError';

/** Spread of one metric over walk-forward folds. */
export interface FoldSummary {
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); 0 for a single fold. */
  std: number;
  min: number;
  max: number;
}

/** Mean, sample standard deviation, minimum and maximum of a metric's per-fold values. */
export function summarizeFolds(values: readonly number[]): FoldSummary {
  if (values.length === 0) throw new CandlecastError('invalid_metric_input', 'no fold values to summarize');
  const bad = values.find((v) => !Number.isFinite(v));
  if (bad !== undefined) throw new CandlecastError('invalid_metric_input', `fold value ${bad} is not finite`);
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - mean) ** 2, 0);
  const std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
  return { mean, std, min: Math.min(...values), max: Math.max(...values) };
}
