import { CandlecastError } from '../errors/CandlecastError';

/**
 * Per-feature standardisation fitted on training rows only and stored with the model, so
 * validation, test and live rows are scaled with statistics from the past. `clip` bounds the
 * standardised value: a 40-sigma minute must not saturate every recurrent gate downstream.
 */
export interface Normalisation {
  mean: number[];
  std: number[];
  clip: number;
}

/**
 * Fits mean and population standard deviation per feature over the given rows of a row-major
 * `[rows, featureCount]` matrix. A feature with zero variance on the training rows gets std 1, so
 * it standardises to 0 instead of dividing by zero.
 */
export function fitNormalisation(features: Float32Array, featureCount: number, rows: Iterable<number>, clip = 8): Normalisation {
  const sum = new Float64Array(featureCount);
  const squares = new Float64Array(featureCount);
  let count = 0;
  for (const row of rows) {
    const base = row * featureCount;
    for (let f = 0; f < featureCount; f++) sum[f] += features[base + f];
    count++;
  }
  if (count === 0) throw new CandlecastError('empty_training_set', 'cannot fit normalisation on zero training rows');
  const mean = Array.from(sum, (s) => s / count);
  for (const row of rows) {
    const base = row * featureCount;
    for (let f = 0; f < featureCount; f++) squares[f] += (features[base + f] - mean[f]) ** 2;
  }
  const std = Array.from(squares, (s) => {
    const deviation = Math.sqrt(s / count);
    return deviation > 1e-12 && Number.isFinite(deviation) ? deviation : 1;
  });
  return { mean, std, clip };
}

/** Standardises `count` rows in place, starting at `offset` (in values, not rows). */
export function normaliseRows(values: Float32Array, normalisation: Normalisation, offset = 0, count = values.length / normalisation.mean.length): void {
  const featureCount = normalisation.mean.length;
  const { mean, std, clip } = normalisation;
  for (let r = 0; r < count; r++) {
    const base = offset + r * featureCount;
    for (let f = 0; f < featureCount; f++) {
      const z = (values[base + f] - mean[f]) / std[f];
      values[base + f] = z > clip ? clip : z < -clip ? -clip : z;
    }
  }
}

/** Every row covered by the windows ending at `ends` (the training rows of a split). */
export function rowsCoveredBy(ends: ArrayLike<number>, windowLength: number): number[] {
  const rows = new Set<number>();
  for (let i = 0; i < ends.length; i++) {
    for (let r = ends[i] - windowLength + 1; r <= ends[i]; r++) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}
