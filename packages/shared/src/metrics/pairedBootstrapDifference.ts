import { CandlecastError } from '../errors/CandlecastError';
import { SeededRandom } from '../random/SeededRandom';
import { checkScored } from './checkScored';

export interface PairedBootstrapOptions {
  /** Seed of the resampling; the same seed gives the same interval. Default 1. */
  seed?: number;
  /** Bootstrap resamples. Default 2000. */
  resamples?: number;
  /**
   * Length of the circular blocks resampled together. Neighbouring one-minute predictions share
   * most of their window and their market regime, so errors cluster; resampling single samples
   * (blockLength 1) then understates the uncertainty. Default round(n^(1/3)), the order Hall,
   * Horowitz & Jing (1995) give for variance estimates.
   */
  blockLength?: number;
  /** Two-sided coverage of the interval. Default 0.95. */
  confidence?: number;
}

/** A difference in accuracy (fraction points) with its bootstrap interval. */
export interface AccuracyDifference {
  /** accuracy(model) - accuracy(baseline) on the same samples. */
  difference: number;
  /** Percentile interval [lower, upper] of the difference. */
  interval: [number, number];
}

/**
 * Paired (circular block) bootstrap interval for accuracy(model) - accuracy(baseline) scored on
 * the same samples. Pairing matters: both are right on the easy minutes, so the difference varies
 * far less than either accuracy. A gain whose interval contains 0 is indistinguishable from noise.
 */
export function pairedBootstrapDifference(
  pModel: ArrayLike<number>,
  pBaseline: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: PairedBootstrapOptions = {},
): AccuracyDifference {
  checkScored(pModel, labels);
  checkScored(pBaseline, labels);
  const n = labels.length;
  const resamples = options.resamples ?? 2000;
  const blockLength = options.blockLength ?? Math.max(1, Math.round(Math.cbrt(n)));
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) throw new CandlecastError('invalid_metric_input', `resamples must be a positive integer, got ${resamples}`);
  if (!Number.isInteger(blockLength) || blockLength < 1) throw new CandlecastError('invalid_metric_input', `blockLength must be a positive integer, got ${blockLength}`);
  if (!(confidence > 0 && confidence < 1)) throw new CandlecastError('invalid_metric_input', `confidence must be in (0, 1), got ${confidence}`);

  // Prefix sums over the per-sample difference (-1, 0 or +1) run twice around, so a circular block is one subtraction.
  const prefix = new Float64Array(2 * n + 1);
  for (let j = 0; j < 2 * n; j++) {
    const i = j % n;
    prefix[j + 1] = prefix[j] + (isCorrect(pModel[i], labels[i]) - isCorrect(pBaseline[i], labels[i]));
  }
  const random = new SeededRandom(options.seed ?? 1);
  const differences = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let taken = 0; taken < n; taken += blockLength) {
      const start = random.int(n);
      sum += prefix[start + Math.min(blockLength, n - taken)] - prefix[start];
    }
    differences[r] = sum / n;
  }
  differences.sort();
  const alpha = (1 - confidence) / 2;
  return { difference: prefix[n] / n, interval: [quantile(differences, alpha), quantile(differences, 1 - alpha)] };
}

function isCorrect(p: number, label: number): number {
  return (p > 0.5 ? 1 : 0) === label ? 1 : 0;
}

/** Linear interpolation between order statistics (R's type 7) of a sorted array. */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}
