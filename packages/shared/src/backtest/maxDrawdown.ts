/**
 * Largest peak-to-trough fall of an equity curve, as a positive fraction of the peak
 * (0.1 = the account once stood 10% below its best level so far). 0 for a curve that never falls.
 */
export function maxDrawdown(equity: ArrayLike<number>): number {
  let peak = Number.NEGATIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < equity.length; i++) {
    peak = Math.max(peak, equity[i]);
    worst = Math.max(worst, 1 - equity[i] / peak);
  }
  return worst;
}
