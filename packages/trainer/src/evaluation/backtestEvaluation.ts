import { nextCandleReturns, runBacktest, signalsFromProbabilities, type Dataset } from '@candlecast/shared';
import type { Report } from '../report/Report';
import { summarizeBacktest } from '../report/summarizeBacktest';
import type { CostLevel } from './EvaluationOptions';
import type { PooledTest } from './poolFolds';

/** The row name of the ensemble traded with its abstain band (HOLD inside it). */
export const ENSEMBLE_ABSTAIN = 'ensemble (abstain)';

/**
 * The cost-aware backtest over every pooled test candle in time order, flat next candles included
 * (zero return, neither hit nor miss): each model and the ensemble trade every candle (BUY when
 * p(BUY) > 0.5, SELL below), `ensemble (abstain)` holds inside its band, and the naive baselines
 * (and the random forest when it is not a model) trade their calls. One entry per cost level.
 */
export function backtestEvaluation(pooled: PooledTest, dataset: Pick<Dataset, 'candles' | 'ends'>, costs: readonly CostLevel[], forestIsModel: boolean): Report['backtest'] {
  const returns = nextCandleReturns(
    dataset.candles,
    pooled.samples.map((sample) => dataset.ends[sample]),
  );
  const strategies: [string, Uint8Array][] = [
    ...Object.entries(pooled.predictions).map(([name, p]) => [name, signalsFromProbabilities(p)] as [string, Uint8Array]),
    [ENSEMBLE_ABSTAIN, pooled.abstainSignals],
    ['majority', signalsFromProbabilities(pooled.baselines.majority)],
    ['reverseLast', signalsFromProbabilities(pooled.baselines.reverseLast)],
    ['followLast', signalsFromProbabilities(pooled.baselines.followLast)],
  ];
  if (!forestIsModel) strategies.push(['randomForest', signalsFromProbabilities(pooled.baselines.randomForest)]);
  return Object.fromEntries(strategies.map(([name, signals]) => [name, costs.map((level) => summarizeBacktest(runBacktest(signals, returns, level), level))]));
}
