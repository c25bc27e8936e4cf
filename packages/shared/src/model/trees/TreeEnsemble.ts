/**
 * A forest of binary trees in flat arrays, the form trees take in an artifact and at the edge. Node
 * n is a leaf when `feature[n] === -1`; otherwise a row goes to `left[n]` when
 * `row[feature[n]] <= threshold[n]` and to `right[n]` else (NaN goes right). Inputs and thresholds
 * are both float32, so a split decides the same way in training and inference. Children always
 * come after their parent, so a walk ends.
 *
 * `aggregation` says how leaf values become p(BUY):
 * - `mean`: leaves hold p(BUY) (a random forest's class share); p = mean over trees;
 * - `logistic`: leaves hold additive logits (gradient boosting); p = sigmoid(baseScore + sum).
 */
export interface TreeEnsemble {
  kind: 'random-forest' | 'gradient-boosting';
  aggregation: 'mean' | 'logistic';
  /** Columns of an input row. */
  featureCount: number;
  /** Initial logit for `logistic`; 0 for `mean`. */
  baseScore: number;
  /** Root node of each tree, `[trees]`. */
  roots: Int32Array;
  /** Per node: split column, or -1 at a leaf. */
  feature: Int16Array;
  threshold: Float32Array;
  left: Int32Array;
  right: Int32Array;
  /** Per node: the leaf output (also filled at split nodes, unused there). */
  value: Float32Array;
}

/** Nodes in the ensemble (all trees). */
export function treeNodeCount(ensemble: TreeEnsemble): number {
  return ensemble.feature.length;
}
