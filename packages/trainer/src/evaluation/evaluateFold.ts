import { accuracy, followLastCandle, majorityClass, reverseLastCandle, type Dataset } from '@candlecast/shared';
import type { TrainedModel, TrainingProgress } from '../training/ModelTrainer';
import { randomForestTrainer } from '../trees/randomForestTrainer';
import type { EvaluationOptions } from './EvaluationOptions';
import { fitFoldEnsemble, type FoldEnsemble } from './fitFoldEnsemble';
import { normaliseForFold } from './normaliseForFold';
import type { FoldPlan } from './planFolds';
import { shuffledLabelCanary } from './shuffledLabelCanary';

/** Everything one fold produced, as p(BUY) over the fold's test samples. */
export interface FoldOutcome {
  plan: FoldPlan;
  /** p(BUY) of every sample of `plan.test` (HOLD samples included), per model and for `ensemble` (calibrated). */
  predictions: Record<string, Float32Array>;
  /** The random-forest baseline over `plan.test`: the `rf` model itself when it is one. */
  forest: Float32Array;
  /** The naive baselines over `plan.test`. */
  baselines: { majority: Float32Array; reverseLast: Float32Array; followLast: Float32Array };
  ensemble: Omit<FoldEnsemble, 'combine'>;
  /** The shuffled-label canary's p(BUY) over `plan.scored`, one array per label permutation. */
  shuffled: Float32Array[];
  /** Wall seconds per step (model training, canary). */
  seconds: Record<string, number>;
}

/** Called after a fold's models are trained and before they are disposed (the last fold's importance). */
export type FoldHook = (dataset: Dataset, models: readonly TrainedModel[], ensemble: FoldEnsemble) => Promise<void>;

/**
 * One walk-forward fold: normalise on the fold's past, train every model on its training samples,
 * fit the ensemble, calibration and abstain band on its validation block, predict the test block
 * with models and baselines, and run the shuffled-label canary. Models are disposed before return.
 */
export async function evaluateFold(raw: Dataset, plan: FoldPlan, options: EvaluationOptions, hook?: FoldHook): Promise<FoldOutcome> {
  const label = `fold ${plan.index + 1}/${options.folds}`;
  const log = (text: string) => options.log?.(`${label}  ${text}`);
  const { dataset } = normaliseForFold(raw, plan.history);
  const data = { dataset, train: plan.train, validation: plan.validation, seed: options.seed };
  log(`train ${plan.train.length} / validation ${plan.validation.length} / test ${plan.scored.length} scored of ${plan.test.length} candles`);
  const models: TrainedModel[] = [];
  let forestBaseline: TrainedModel | null = null;
  const seconds: Record<string, number> = {};
  try {
    const timed = async (name: string, work: (progress?: TrainingProgress) => Promise<TrainedModel>) => {
      const started = performance.now();
      const display = options.trainingProgress?.(name);
      let model: TrainedModel;
      try {
        model = await work(display?.progress);
      } finally {
        display?.close();
      }
      seconds[name] = (performance.now() - started) / 1000;
      log(`${name.padEnd(15)} trained in ${seconds[name].toFixed(1)} s`);
      return model;
    };
    for (const trainer of options.trainers) {
      models.push(await timed(trainer.name, (progress) => trainer.train(data, options.modelConfigs[trainer.name], progress)));
    }
    if (!models.some((m) => m.name === 'rf')) forestBaseline = await timed('rf (baseline)', () => randomForestTrainer.train(data, options.forestConfig));

    const ensemble = await fitFoldEnsemble(models, dataset, plan, options.abstainCoverage);
    const predictions: Record<string, Float32Array> = {};
    for (const model of models) predictions[model.name] = await model.predict(dataset, plan.test);
    predictions.ensemble = ensemble.combine(predictions, plan.test.length);
    const forest = forestBaseline ? await forestBaseline.predict(dataset, plan.test) : predictions.rf;
    const labels = plan.scored.map((sample) => dataset.labels[sample]);
    const scoredAccuracy = (pBuy: Float32Array) => percent(accuracy(Float32Array.from(plan.scoredAt, (k) => pBuy[k]), labels));
    log(`test accuracy: ${Object.entries(predictions).map(([name, p]) => `${name} ${scoredAccuracy(p)}`).join(', ')}; reverse last candle ${scoredAccuracy(reverseLastCandle(dataset, plan.test))}`);
    await hook?.(dataset, models, ensemble);

    const started = performance.now();
    const shuffled = await shuffledLabelCanary(dataset, plan, randomForestTrainer, options.forestConfig, options.seed + 1000 + plan.index);
    seconds['shuffled-label canary'] = (performance.now() - started) / 1000;
    log(`shuffled-label canary (rf x ${shuffled.length}) in ${seconds['shuffled-label canary'].toFixed(1)} s; ensemble: ${ensemble.chosen}, abstain margin ${ensemble.band.margin.toFixed(4)}`);
    return {
      plan,
      predictions,
      forest,
      baselines: {
        majority: majorityClass(dataset, plan.history, plan.test),
        reverseLast: reverseLastCandle(dataset, plan.test),
        followLast: followLastCandle(dataset, plan.test),
      },
      ensemble: { chosen: ensemble.chosen, config: ensemble.config, calibration: ensemble.calibration, band: ensemble.band },
      shuffled,
      seconds,
    };
  } finally {
    for (const model of models) model.dispose();
    forestBaseline?.dispose();
  }
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
