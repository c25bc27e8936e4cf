import { accuracy } from '@candlecast/shared';
import type { BaselineReport, ModelReport, Report } from '../report/Report';
import { scoredPart, type PooledTest } from './poolFolds';
import { scoreBaseline, scoreModel } from './scoreModel';

type BaselineName = keyof Report['baselines'];

/**
 * Models and baselines scored on the same pooled test samples. Each model's gain is measured
 * against the most accurate of the baselines (majority, reverse last, follow last, random forest,
 * never the model itself), with a paired block-bootstrap interval; the per-fold accuracies give
 * the spread over folds.
 */
export function scoreEvaluation(pooled: PooledTest, options: { bootstrapResamples?: number; seed: number }): { models: Record<string, ModelReport>; baselines: Report['baselines'] } {
  const { labels } = pooled;
  const baselineP = Object.fromEntries(Object.entries(pooled.baselines).map(([name, p]) => [name, scoredPart(pooled, p)])) as Record<BaselineName, Float32Array>;
  const baselines = Object.fromEntries(Object.entries(baselineP).map(([name, p]) => [name, scoreBaseline(p, labels)])) as Record<BaselineName, BaselineReport>;
  const models: Record<string, ModelReport> = {};
  for (const [name, series] of Object.entries(pooled.predictions)) {
    const pBuy = scoredPart(pooled, series);
    const rivals = (Object.keys(baselines) as BaselineName[]).filter((b) => !(b === 'randomForest' && name === 'rf'));
    const best = rivals.reduce((a, b) => (baselines[b].accuracy > baselines[a].accuracy ? b : a));
    models[name] = scoreModel({
      pBuy,
      labels,
      bestBaseline: { name: best, pBuy: baselineP[best] },
      foldAccuracies: pooled.foldRanges.map(([start, stop]) => accuracy(pBuy.subarray(start, stop), labels.subarray(start, stop))),
      bootstrap: { seed: options.seed, resamples: options.bootstrapResamples },
    });
  }
  return { models, baselines };
}
