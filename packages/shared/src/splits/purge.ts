/**
 * Leakage rules between a training block and the test block that follows it. Sample i is the
 * window of rows [ends[i] - windowLength + 1, ends[i]] and its label reads row ends[i] + horizon.
 * A training sample is kept only if its label row comes before the first row of every test
 * window, with `embargo` more rows of distance on top.
 */
export interface PurgeOptions {
  windowLength: number;
  /** Candles ahead the label looks (1 for next-candle direction). */
  horizon?: number;
  /** Extra rows between the last training label and the first test window. Default 0. */
  embargo?: number;
}

/** The first row a training label may not reach, given the test block's earliest window end. */
export function purgeBoundary(firstTestEnd: number, options: PurgeOptions): number {
  return firstTestEnd - options.windowLength + 1 - (options.embargo ?? 0);
}

/** Keeps the candidate training samples whose label row is before the boundary. */
export function purgeTraining(candidates: readonly number[], ends: ArrayLike<number>, boundary: number, horizon = 1): number[] {
  return candidates.filter((i) => ends[i] + horizon < boundary);
}
