import { BUY, HOLD, type Dataset } from '@candlecast/shared';
import { GRADIENT_BOOSTING_DEFAULTS } from '../trees/trainGradientBoosting';
import { RANDOM_FOREST_DEFAULTS } from '../trees/trainRandomForest';
import type { AbstainReport, Report, ReportFold } from '../report/Report';
import type { FoldOutcome } from './evaluateFold';
import type { EvaluationOptions } from './EvaluationOptions';
import type { ModelInsights } from './modelInsights';
import { SHUFFLE_REPEATS } from './shuffledLabelCanary';
import type { PooledTest } from './poolFolds';

/**
 * The descriptive parts of report.json: the data's fingerprint, the folds with the times that
 * prove the purge (the last label read precedes the first test window), the abstain band's
 * pooled result, and the effective configuration, protocol included, so the report says exactly
 * what was run.
 */
export function evaluationSummary(
  dataset: Dataset,
  outcomes: readonly FoldOutcome[],
  pooled: PooledTest,
  options: EvaluationOptions,
  insights: ModelInsights | undefined,
): { data: Report['data']; config: Report['config']; folds: ReportFold[]; abstain: AbstainReport } {
  const { candles } = options;
  const openTime = (row: number) => new Date(dataset.candles[row].time).toISOString();
  const folds = outcomes.map(({ plan, ensemble }): ReportFold => ({
    index: plan.index,
    trainSamples: plan.train.length,
    testSamples: plan.scored.length,
    testFrom: openTime(dataset.ends[plan.scored[0]]),
    testTo: openTime(dataset.ends[plan.scored[plan.scored.length - 1]]),
    validationSamples: plan.validation.length,
    lastLabelRead: openTime(dataset.ends[plan.history[plan.history.length - 1]] + 1),
    firstTestWindowFrom: openTime(dataset.ends[plan.test[0]] - dataset.windowLength + 1),
    ensemble: ensemble.chosen,
    abstainMargin: ensemble.band.margin,
  }));
  let signals = 0;
  let correct = 0;
  pooled.scoredAt.forEach((k, i) => {
    const signal = pooled.abstainSignals[k];
    if (signal === HOLD) return;
    signals++;
    if ((signal === BUY ? 1 : 0) === pooled.labels[i]) correct++;
  });
  const lastFold = outcomes[outcomes.length - 1].plan;
  return {
    data: {
      hash: options.data.hash,
      candles: candles.length,
      from: new Date(candles[0].time).toISOString(),
      to: new Date(candles[candles.length - 1].time).toISOString(),
      source: options.data.source,
    },
    folds,
    abstain: { targetCoverage: options.abstainCoverage, coverage: signals / pooled.labels.length, precision: signals ? correct / signals : null, signals, samples: pooled.labels.length },
    config: {
      ...options.recordedConfig,
      featureSpec: { hash: dataset.spec.hash, names: dataset.spec.names },
      windowLength: dataset.windowLength,
      gapPolicy: options.gapPolicy,
      filledCandles: dataset.filled,
      flatPolicy: 'hold: flat next candles stay in the data as steps of the backtest (zero return); models train and are scored on BUY/SELL samples only',
      folds: options.folds,
      walkForward: 'expanding window; test blocks are the second half of the samples cut into equal consecutive blocks',
      embargo: options.embargo,
      validationFraction: options.validationFraction,
      seed: options.seed,
      models: options.trainers.map((t) => t.name),
      modelConfigs: Object.fromEntries(options.trainers.map((t) => [t.name, effectiveConfig(t.name, options.modelConfigs[t.name], options.seed)])),
      forestConfig: effectiveConfig('rf', options.forestConfig, options.seed),
      ensemble: 'chosen per fold on the validation block by chooseEnsemble (blocked CV, lowest Brier), then Platt-calibrated there; model rows are uncalibrated',
      abstain: `per fold, the widest HOLD band keeping ${options.abstainCoverage} of validation samples signalled`,
      costs: options.costs.map((c) => ({ feeBps: c.feeBps, spreadBps: c.spreadBps })),
      suspicionThreshold: options.suspicionThreshold,
      canaries: {
        shuffledLabels: `rf trained on each fold with its training labels permuted (${SHUFFLE_REPEATS} independent permutations), scored on the test block, pooled; reported: the mean accuracy, warned when above the majority rate by 3 standard errors (binomial plus the spread between permutations)`,
        leakedFeature: 'look-ahead check on the planted next-candle return and on the 20 real features; rf trained on fold 1 with the planted column appended (positive control)',
      },
      permutationImportance: {
        fold: lastFold.index + 1,
        samples: insights?.samples.length ?? 0,
        of: lastFold.scored.length,
        note: 'last fold test block only, random subsample (seeded), one permutation per feature; deep models are too slow to permute every fold',
      },
      bootstrapResamples: options.bootstrapResamples ?? 2000,
    },
  };
}

/** What a trainer actually ran with: tree defaults filled in (seed = the run's seed), a deep config unwrapped. */
function effectiveConfig(name: string, config: unknown, seed: number): unknown {
  const given = (config ?? {}) as Record<string, unknown>;
  if (name === 'rf') return { ...RANDOM_FOREST_DEFAULTS, seed, ...given };
  if (name === 'gbdt') return { ...GRADIENT_BOOSTING_DEFAULTS, seed, ...given };
  return 'config' in given ? given.config : given;
}
