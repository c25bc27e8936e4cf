import type { BacktestCosts, Candle, GapPolicy } from '@candlecast/shared';
import type { ModelTrainer, TrainingProgress } from '../training/ModelTrainer';
import type { RandomForestConfig } from '../trees/randomForestTrainer';

/** One cost level of the backtest, in basis points. */
export interface CostLevel extends BacktestCosts {
  label?: string;
}

/** What `runEvaluation` needs: the candles, the models with their configs, and the protocol's settings. */
export interface EvaluationOptions {
  /** Validated candles in time order (the gap policy is applied here). */
  candles: Candle[];
  /** sha256 hex of the candle file's bytes (or of the generated candles' JSON), and where they came from. */
  data: { hash: string; source: string };
  /** Models to train in every fold, in order; `rf` among them doubles as the random-forest baseline. */
  trainers: readonly ModelTrainer[];
  /** The config handed to each trainer by name (deep: `{ config: DeepConfig }`; trees: their options). */
  modelConfigs: Readonly<Record<string, unknown>>;
  /** Random-forest options for the baseline (when `rf` is not a model) and the leakage canaries. */
  forestConfig: RandomForestConfig;
  /** Candles per window; every deep config must agree with it. */
  windowLength: number;
  gapPolicy: GapPolicy;
  /** Walk-forward folds (test blocks after the first half of the samples). */
  folds: number;
  /** Extra rows between a fold's last training label and its first test window, on top of the purge. */
  embargo: number;
  /** Share of each fold's training samples (the latest) held out to choose the ensemble, calibration and abstain band. */
  validationFraction: number;
  seed: number;
  /** Backtest cost levels, cheapest first; the last is the realistic one the verdict quotes. */
  costs: readonly CostLevel[];
  /** Pooled test accuracy above this raises a leakage warning. */
  suspicionThreshold: number;
  /** Most test samples of the last fold scored for permutation importance and attention. */
  importanceSamples: number;
  /** Share of validation samples the ensemble's abstain band should still signal. */
  abstainCoverage: number;
  /** Bootstrap resamples for the gain intervals. Default 2000. */
  bootstrapResamples?: number;
  /** Settings to record in report.config beside the ones the evaluation adds itself. */
  recordedConfig?: Record<string, unknown>;
  /** One line per step (fold, model, timing). */
  log?: (line: string) => void;
  /** A live training display per model run (undefined: none for that model); `close` ends it. */
  trainingProgress?: (model: string) => { progress: TrainingProgress; close(): void } | undefined;
}

/** The protocol's defaults, as `candlecast evaluate` documents them. */
export const EVALUATION_DEFAULTS = {
  folds: 5,
  quickFolds: 2,
  embargo: 60,
  validationFraction: 0.2,
  feeBps: 7.5,
  spreadBps: 1,
  suspicionThreshold: 0.58,
  importanceSamples: 2000,
  abstainCoverage: 0.5,
  models: ['rf', 'gbdt', 'lstm'],
} as const;
