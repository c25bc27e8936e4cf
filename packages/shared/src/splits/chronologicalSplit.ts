import { CandlecastError } from '../errors/CandlecastError';
import { purgeBoundary, purgeTraining, type PurgeOptions } from './purge';

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

/** Sample indices of each part, in time order. */
export interface ChronologicalSplit {
  train: number[];
  validation: number[];
  test: number[];
}

/**
 * Splits samples (ordered by `ends`) into train, validation and test blocks in time order, then
 * purges the end of each earlier block so no window of a later block overlaps an earlier label.
 */
export function chronologicalSplit(
  ends: ArrayLike<number>,
  fractions: SplitFractions = { train: 0.6, validation: 0.2, test: 0.2 },
  purge: PurgeOptions,
): ChronologicalSplit {
  const total = fractions.train + fractions.validation + fractions.test;
  if (Math.abs(total - 1) > 1e-9 || Object.values(fractions).some((f) => f < 0)) {
    throw new CandlecastError('invalid_split', `split fractions must be >= 0 and sum to 1, got ${JSON.stringify(fractions)}`);
  }
  const n = ends.length;
  const trainEnd = Math.floor(n * fractions.train);
  const validationEnd = Math.floor(n * (fractions.train + fractions.validation));
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);
  let train = range(0, trainEnd);
  let validation = range(trainEnd, validationEnd);
  const test = range(validationEnd, n);
  const horizon = purge.horizon ?? 1;
  if (test.length > 0) {
    const boundary = purgeBoundary(ends[test[0]], purge);
    validation = purgeTraining(validation, ends, boundary, horizon);
    train = purgeTraining(train, ends, boundary, horizon);
  }
  if (validation.length > 0) train = purgeTraining(train, ends, purgeBoundary(ends[validation[0]], purge), horizon);
  if (train.length === 0) throw new CandlecastError('empty_training_set', `no training samples left after purging (${n} samples in all)`);
  return { train, validation, test };
}
