import { CandlecastError } from '../errors/CandlecastError';

/** z of a two-sided 95% normal interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for a binomial proportion such as an accuracy: `correct` successes in
 * `total` independent trials, `[lower, upper]` as fractions. Unlike the normal approximation it
 * stays inside [0, 1] and behaves at small n. It assumes independent samples; one-minute
 * predictions are not quite that, so read it as a lower bound on the real uncertainty.
 */
export function wilsonInterval(correct: number, total: number, z = Z_95): [number, number] {
  if (!Number.isInteger(total) || total < 1) throw new CandlecastError('invalid_metric_input', `total must be a positive integer, got ${total}`);
  if (!(correct >= 0 && correct <= total)) throw new CandlecastError('invalid_metric_input', `correct must be in [0, ${total}], got ${correct}`);
  const p = correct / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}
