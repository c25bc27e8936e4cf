/** One year of one-minute candles on a market that never closes: 365 × 24 × 60. */
export const MINUTES_PER_YEAR = 525_600;

/**
 * Annualised Sharpe ratio of per-step returns (risk-free rate 0): mean / sample standard deviation
 * × sqrt(periodsPerYear). For one-minute candles on a 24/7 crypto market periodsPerYear is 525,600
 * (use 105,120 for 5-minute candles). The square-root scaling assumes independent steps; one-minute
 * returns are not quite that, so treat the figure as a way to rank strategies, not a forecast.
 * Null with fewer than two steps or no variation.
 */
export function sharpeRatio(stepReturns: ArrayLike<number>, periodsPerYear = MINUTES_PER_YEAR): number | null {
  const n = stepReturns.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += stepReturns[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (stepReturns[i] - mean) ** 2;
  const std = Math.sqrt(squares / (n - 1));
  return std > 0 ? (mean / std) * Math.sqrt(periodsPerYear) : null;
}
