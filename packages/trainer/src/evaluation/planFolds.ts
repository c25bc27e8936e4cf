import { BUY, CandlecastError, purgeBoundary, purgeTraining, SELL, walkForwardFolds, type Dataset } from '@candlecast/shared';

/**
 * The samples of one walk-forward fold (indices into dataset.ends). The dataset keeps flat next
 * candles as HOLD samples so the backtest can walk every candle in order; models are trained and
 * scored on BUY/SELL samples only.
 */
export interface FoldPlan {
  index: number;
  /** Labelled samples the models train on: the fold's training samples before `validation`, purged and embargoed against it. */
  train: number[];
  /** The latest labelled training samples: early stopping, ensemble choice, calibration, abstain band. */
  validation: number[];
  /** Every labelled training sample of the fold (train, purged gap and validation): normalisation rows, majority class. */
  history: number[];
  /** Every sample of the fold's test block in time order, HOLD included: the backtest's steps. */
  test: number[];
  /** The labelled test samples: what every model and baseline is scored on. */
  scored: number[];
  /** Position of each scored sample inside `test`. */
  scoredAt: number[];
}

export interface FoldPlanOptions {
  folds: number;
  windowLength: number;
  embargo: number;
  validationFraction: number;
}

/**
 * Walk-forward folds over a dataset built with the `hold` flat policy: expanding training window,
 * purged and embargoed before each test block (walkForwardFolds), and inside it the same cut once
 * more between the inner training part and the validation block, so no label the models learn
 * from reaches into a window they are judged on.
 */
export function planFolds(dataset: Pick<Dataset, 'ends' | 'labels'>, options: FoldPlanOptions): FoldPlan[] {
  const { windowLength, embargo, validationFraction } = options;
  if (!(validationFraction > 0 && validationFraction < 1)) {
    throw new CandlecastError('invalid_option', `validationFraction must be in (0, 1), got ${validationFraction}`);
  }
  const labelled = (i: number) => dataset.labels[i] === BUY || dataset.labels[i] === SELL;
  return walkForwardFolds(dataset.ends, { folds: options.folds, windowLength, embargo }).map((fold) => {
    const history = fold.train.filter(labelled);
    const cut = Math.floor(history.length * (1 - validationFraction));
    const validation = history.slice(cut);
    if (validation.length === 0) throw new CandlecastError('empty_training_set', `fold ${fold.index + 1} has no validation samples`);
    const train = purgeTraining(history.slice(0, cut), dataset.ends, purgeBoundary(dataset.ends[validation[0]], { windowLength, embargo }));
    if (train.length === 0) throw new CandlecastError('empty_training_set', `fold ${fold.index + 1} has no training samples left after purging`);
    const scoredAt = fold.test.flatMap((sample, k) => (labelled(sample) ? [k] : []));
    const scored = scoredAt.map((k) => fold.test[k]);
    if (scored.length === 0) throw new CandlecastError('empty_test_set', `fold ${fold.index + 1} has no BUY/SELL test samples`);
    return { index: fold.index, train, validation, history, test: fold.test, scored, scoredAt };
  });
}
