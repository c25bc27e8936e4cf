import { CandlecastError } from '../../errors/CandlecastError';
import { sigmoid } from '../calibration/logit';
import type { TreeEnsemble } from './TreeEnsemble';

/**
 * The ensemble's raw score for the row at `rows[offset .. offset + featureCount)`: the mean leaf
 * value (`mean`) or baseScore + the sum of leaf values (`logistic`). Leaf values are added in tree
 * order in float64, the same order the trainer uses, so the result is bit-identical to training.
 */
export function treeEnsembleScore(ensemble: TreeEnsemble, rows: Float32Array, offset: number): number {
  const { roots, feature, threshold, left, right, value } = ensemble;
  let sum = ensemble.aggregation === 'logistic' ? ensemble.baseScore : 0;
  for (let t = 0; t < roots.length; t++) {
    let n = roots[t];
    let f = feature[n];
    while (f >= 0) {
      n = rows[offset + f] <= threshold[n] ? left[n] : right[n];
      f = feature[n];
    }
    sum += value[n];
  }
  return ensemble.aggregation === 'logistic' ? sum : sum / roots.length;
}

/** p(BUY) of one row. */
export function predictTreeRow(ensemble: TreeEnsemble, rows: Float32Array, offset = 0): number {
  const score = treeEnsembleScore(ensemble, rows, offset);
  return ensemble.aggregation === 'logistic' ? sigmoid(score) : score;
}

/**
 * p(BUY) for `rowCount` rows of a row-major `[rows, featureCount]` float32 matrix, as float32.
 * Allocates nothing but `out` (pass one in to reuse it).
 */
export function predictTrees(ensemble: TreeEnsemble, rows: Float32Array, rowCount = rows.length / ensemble.featureCount, out = new Float32Array(rowCount)): Float32Array {
  const F = ensemble.featureCount;
  if (!Number.isInteger(rowCount) || rows.length < rowCount * F) {
    throw new CandlecastError('invalid_tree_input', `${rows.length} values do not hold ${rowCount} rows of ${F} columns`);
  }
  for (let r = 0; r < rowCount; r++) out[r] = predictTreeRow(ensemble, rows, r * F);
  return out;
}
