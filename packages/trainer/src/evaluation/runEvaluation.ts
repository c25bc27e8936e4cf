import { accuracy, buildDataset, CandlecastError, DEFAULT_FEATURE_SPEC, type Dataset } from '@candlecast/shared';
import type { Report } from '../report/Report';
import { randomForestTrainer } from '../trees/randomForestTrainer';
import { assessLeakage } from './assessLeakage';
import { backtestEvaluation } from './backtestEvaluation';
import { evaluateFold, type FoldOutcome } from './evaluateFold';
import type { EvaluationOptions } from './EvaluationOptions';
import { evaluationSummary } from './evaluationSummary';
import { leakedFeatureControl } from './leakedFeatureControl';
import { lookAheadAudit } from './lookAheadAudit';
import { modelInsights, type ModelInsights } from './modelInsights';
import { planFolds, type FoldPlan } from './planFolds';
import { poolFolds } from './poolFolds';
import { scoreEvaluation } from './scoreEvaluation';

/** The report plus what a caller may want to re-check: the dataset (unnormalised) and each fold's samples. */
export interface EvaluationResult {
  report: Report;
  dataset: Dataset;
  plans: FoldPlan[];
}

/**
 * `candlecast evaluate` without the command line: walk-forward over the candles, where each fold
 * fits normalisation, models, ensemble, calibration and abstain band on its past only (purged and
 * embargoed) and is scored on the next block; models and baselines are pooled over the same
 * scored candles; then the leakage canaries, the cost-aware backtest, and permutation importance
 * and attention on the last fold. Returns report.json's content.
 */
export async function runEvaluation(options: EvaluationOptions): Promise<EvaluationResult> {
  const started = performance.now();
  const log = (line: string) => options.log?.(line);
  if (options.trainers.length === 0) throw new CandlecastError('unknown_model', 'evaluate needs at least one model');
  const { windowLength } = options;
  const dataset = buildDataset(options.candles, { spec: DEFAULT_FEATURE_SPEC, windowLength, gapPolicy: options.gapPolicy, flatPolicy: 'hold' });
  const plans = planFolds(dataset, { folds: options.folds, windowLength, embargo: options.embargo, validationFraction: options.validationFraction });
  const flat = dataset.labels.filter((label) => label !== 0 && label !== 1).length;
  log(`data: ${options.data.source}: ${options.candles.length} candles, ${dataset.ends.length} samples (${flat} with a flat next candle), ${dataset.filled} filled candles`);
  log(`folds: ${plans.length} walk-forward test blocks of ~${plans[0].test.length} candles after ${plans[0].history.length} labelled training samples; purge + embargo ${options.embargo} rows`);

  const audit = lookAheadAudit(dataset.candles, DEFAULT_FEATURE_SPEC);
  log(`look-ahead check on ${audit.candles} candles: planted leak ${audit.detectedByLookAheadCheck ? 'flagged' : 'MISSED'}, real features failing: ${audit.lookAheadFailures.join(', ') || 'none'}`);
  let insights: ModelInsights | undefined;
  const outcomes: FoldOutcome[] = [];
  for (const plan of plans) {
    const last = plan.index === plans.length - 1;
    outcomes.push(
      await evaluateFold(dataset, plan, options, async (normalised, models, ensemble) => {
        if (!last) return;
        insights = await modelInsights(normalised, plan.scored, models, ensemble, { maxSamples: options.importanceSamples, seed: options.seed, log: (line) => log(`fold ${plan.index + 1}/${plans.length}  ${line}`) });
      }),
    );
  }
  const controlStarted = performance.now();
  const leakedAccuracy = await leakedFeatureControl(dataset, plans[0], randomForestTrainer, options.forestConfig, options.seed);
  log(`positive control: rf fed the planted next-candle return scored ${(100 * leakedAccuracy).toFixed(1)}% on fold 1 (${((performance.now() - controlStarted) / 1000).toFixed(1)} s)`);

  const pooled = poolFolds(outcomes, dataset.labels);
  const forestIsModel = options.trainers.some((t) => t.name === 'rf');
  const { models, baselines } = scoreEvaluation(pooled, { seed: options.seed, bootstrapResamples: options.bootstrapResamples });
  // The suspicion warning says how much of a level the naive bounce/momentum rules already explain.
  const naive = (['majority', 'reverseLast', 'followLast'] as const).reduce((a, b) => (baselines[b].accuracy > baselines[a].accuracy ? b : a));
  const shuffledAccuracies = pooled.shuffled.map((pBuy) => accuracy(pBuy, pooled.labels));
  const shuffledAccuracy = shuffledAccuracies.reduce((sum, a) => sum + a, 0) / shuffledAccuracies.length;
  const verdict = assessLeakage({
    modelAccuracies: Object.fromEntries(Object.entries(models).map(([name, m]) => [name, m.accuracy])),
    bestBaseline: { name: naive, accuracy: baselines[naive].accuracy },
    shuffledLabel: { accuracy: shuffledAccuracy, majorityAccuracy: baselines.majority.accuracy, samples: pooled.labels.length, repeatAccuracies: shuffledAccuracies },
    leakedFeature: { detectedByLookAheadCheck: audit.detectedByLookAheadCheck, accuracy: leakedAccuracy },
    lookAheadFailures: audit.lookAheadFailures,
    threshold: options.suspicionThreshold,
  });
  const summary = evaluationSummary(dataset, outcomes, pooled, options, insights);
  const report: Report = {
    createdAt: new Date().toISOString(),
    wallSeconds: 0,
    data: summary.data,
    config: summary.config,
    folds: summary.folds,
    models,
    baselines,
    leakage: {
      shuffledLabelAccuracy: shuffledAccuracy,
      shuffledLabelAccuracies: shuffledAccuracies,
      leakedFeature: { detectedByLookAheadCheck: audit.detectedByLookAheadCheck, accuracy: leakedAccuracy },
      lookAheadFailures: audit.lookAheadFailures,
      ...verdict,
    },
    backtest: backtestEvaluation(pooled, dataset, options.costs, forestIsModel),
    featureImportance: insights?.featureImportance ?? {},
    ...(insights?.attention ? { attention: insights.attention.weights } : {}),
    abstain: summary.abstain,
  };
  report.wallSeconds = (performance.now() - started) / 1000;
  return { report, dataset, plans };
}
