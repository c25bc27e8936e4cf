/**
 * The hit rate at which a strategy's expected return after costs is zero.
 *
 * Derivation (additive, per step). Over the traded (non-HOLD) steps the gross return is +|r| when
 * the direction is right and -|r| when wrong (0 on a flat candle). If being right is unrelated to
 * the size of the move, the gross sum is (2h - 1) × Σ|r| over the traded steps, where h is the hit
 * rate over non-flat traded steps (flat steps add 0 to both sides). Costs are c per unit of
 * position change, c × U in total. Setting (2h - 1) Σ|r| - c U = 0:
 *
 *     h* = 1/2 + c U / (2 Σ|r|)  =  1/2 + c u / (2 m)
 *
 * with u = U / (traded steps), the position change per traded step (the trading frequency: about
 * 1 when the signal flips half the time, 2 when it reverses every minute, near 0 for long holds), and
 * m the mean absolute next-candle move over the traded steps. Example: c = 10 bp, m = 5 bp, u = 1
 * gives h* = 0.5 + 10 / 10 = 1.5: no accuracy pays. The value can exceed 1 (unreachable).
 *
 * @param costPerUnit c, the cost of changing the position by one unit of equity, as a fraction.
 * @param positionChange U, the total Σ|Δposition| including the final exit.
 * @param tradedAbsoluteMove Σ|r| over the traded steps, as a fraction.
 * @returns h* as a fraction, or null when nothing was traded or every traded move was 0.
 */
export function breakEvenAccuracy(costPerUnit: number, positionChange: number, tradedAbsoluteMove: number): number | null {
  if (!(tradedAbsoluteMove > 0)) return null;
  return 0.5 + (costPerUnit * positionChange) / (2 * tradedAbsoluteMove);
}
