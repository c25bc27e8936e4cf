/**
 * At most `maxPoints` values of a series at evenly spaced indices, the first and last always kept
 * (an equity curve must end where the backtest ended). Shorter series are copied as they are.
 */
export function downsampleSeries(values: ArrayLike<number>, maxPoints = 500): number[] {
  const n = values.length;
  if (n <= maxPoints) return Array.from(values);
  if (maxPoints < 2) return [values[n - 1]];
  return Array.from({ length: maxPoints }, (_, k) => values[Math.round((k * (n - 1)) / (maxPoints - 1))]);
}
