import { CandlecastError } from '../errors/CandlecastError';
import { purgeBoundary, purgeTraining, type PurgeOptions } from './purge';

export interface WalkForwardOptions extends PurgeOptions {
  folds: number;
  /** Share of samples before the first test block (the first fold's training data). Default 0.5. */
  initialTrainFraction?: number;
}

export interface Fold {
  index: number;
  /** Every earlier sample, purged before the test block (an expanding window). */
  train: number[];
  /** The next contiguous block. */
  test: number[];
}

/**
 * Walk-forward folds: the samples after the initial training share are cut into `folds` equal
 * consecutive test blocks; each fold trains on everything before its block (purged and embargoed)
 * and is scored on the block. Models, normalisation and calibration of a fold see only its `train`.
 */
export function walkForwardFolds(ends: ArrayLike<number>, options: WalkForwardOptions): Fold[] {
  const { folds } = options;
  const initial = options.initialTrainFraction ?? 0.5;
  if (!Number.isInteger(folds) || folds < 1) throw new CandlecastError('invalid_folds', `folds must be a positive integer, got ${folds}`);
  if (!(initial > 0 && initial < 1)) throw new CandlecastError('invalid_folds', `initialTrainFraction must be in (0, 1), got ${initial}`);
  const n = ends.length;
  const firstTest = Math.floor(n * initial);
  const blockSize = Math.floor((n - firstTest) / folds);
  if (blockSize < 1) throw new CandlecastError('invalid_folds', `${n} samples are too few for ${folds} folds`);
  const result: Fold[] = [];
  for (let k = 0; k < folds; k++) {
    const start = firstTest + k * blockSize;
    const stop = k === folds - 1 ? n : start + blockSize;
    const test = Array.from({ length: stop - start }, (_, j) => start + j);
    const candidates = Array.from({ length: start }, (_, j) => j);
    const train = purgeTraining(candidates, ends, purgeBoundary(ends[start], options), options.horizon ?? 1);
    if (train.length === 0) throw new CandlecastError('empty_training_set', `fold ${k + 1} has no training samples left after purging`);
    result.push({ index: k, train, test });
  }
  return result;
}
