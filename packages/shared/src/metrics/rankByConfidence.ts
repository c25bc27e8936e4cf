import { checkScored } from './checkScored';

/** Samples ordered most confident first, with the running count of correct calls. */
export interface ConfidenceRanking {
  /** Sample indices sorted by |p(BUY) - 0.5| descending; ties keep input order. */
  order: Int32Array;
  /** `correctSoFar[k]` = correct calls among the first k ranked samples (length n + 1). */
  correctSoFar: Int32Array;
  /** `confidence[k]` = |p - 0.5| of the k-th ranked sample. */
  confidence: Float64Array;
}

/**
 * Ranks samples by confidence |p(BUY) - 0.5| for selective prediction: a trader who acts only on
 * the most confident signals takes a prefix of this order. A call is BUY when p > 0.5, as in
 * `accuracy`. The stable sort makes the cut among equally confident samples deterministic.
 */
export function rankByConfidence(pBuy: ArrayLike<number>, labels: ArrayLike<number>): ConfidenceRanking {
  checkScored(pBuy, labels);
  const n = labels.length;
  // Rounded to 1e-12 so that 0.8 and 0.2 (|p - 0.5| = 0.30000000000000004 and 0.3) count as a tie.
  const confidenceOf = (i: number) => Math.round(Math.abs(pBuy[i] - 0.5) * 1e12) / 1e12;
  const order = Int32Array.from(
    Array.from({ length: n }, (_, i) => i).sort((a, b) => confidenceOf(b) - confidenceOf(a)),
  );
  const correctSoFar = new Int32Array(n + 1);
  const confidence = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    confidence[k] = confidenceOf(i);
    correctSoFar[k + 1] = correctSoFar[k] + ((pBuy[i] > 0.5 ? 1 : 0) === labels[i] ? 1 : 0);
  }
  return { order, correctSoFar, confidence };
}

/** How many of n samples a coverage fraction takes: round(coverage × n), at least 1. */
export function samplesAtCoverage(coverage: number, n: number): number {
  return Math.max(1, Math.min(n, Math.round(coverage * n)));
}
