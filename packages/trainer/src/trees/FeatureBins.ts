import { CandlecastError } from '@candlecast/shared';

/**
 * Per-feature histogram bins fitted on training rows. Feature f has `cuts[f].length + 1` bins; a
 * value x falls in the first bin b with `x <= cuts[f][b]`, else in the last bin (NaN too). Cuts are
 * float32 and strictly increasing, so for any float32 x, `bin(x) <= b` exactly when
 * `x <= cuts[f][b]`: a split found on bins is the same split as `x <= threshold` on raw values.
 */
export interface FeatureBins {
  featureCount: number;
  cuts: Float32Array[];
}

/** The most bins a feature can have (bins are stored as bytes). */
export const MAX_BINS = 256;

/**
 * Fits at most `maxBins` bins per feature on the given rows of a row-major `[rows, featureCount]`
 * matrix: one bin per distinct value when there are few, else quantile bins. Cuts sit halfway
 * between neighbouring training values (rounded to float32, never onto the upper value).
 */
export function fitFeatureBins(rows: Float32Array, featureCount: number, rowIndices: ArrayLike<number>, maxBins = MAX_BINS): FeatureBins {
  if (!(Number.isInteger(maxBins) && maxBins >= 2 && maxBins <= MAX_BINS)) {
    throw new CandlecastError('invalid_tree_options', `maxBins must be an integer from 2 to ${MAX_BINS}, got ${maxBins}`);
  }
  if (rowIndices.length === 0) throw new CandlecastError('empty_training_set', 'cannot fit bins on zero rows');
  const column = new Float32Array(rowIndices.length);
  const cuts: Float32Array[] = [];
  for (let f = 0; f < featureCount; f++) {
    let n = 0;
    for (let i = 0; i < rowIndices.length; i++) {
      const x = rows[rowIndices[i] * featureCount + f];
      if (x === x) column[n++] = x;
    }
    cuts.push(quantileCuts(column.subarray(0, n).sort(), maxBins));
  }
  return { featureCount, cuts };
}

function quantileCuts(sorted: Float32Array, maxBins: number): Float32Array {
  const n = sorted.length;
  let distinct = n > 0 ? 1 : 0;
  for (let i = 0; i + 1 < n; i++) if (sorted[i] !== sorted[i + 1]) distinct++;
  const everyValue = distinct <= maxBins;
  const chosen: number[] = [];
  let target = 1;
  for (let i = 0; i + 1 < n; i++) {
    if (sorted[i] === sorted[i + 1]) continue;
    // A cut after position i keeps i + 1 values below it; cut when that reaches the next quantile.
    if (everyValue || (i + 1) * maxBins >= target * n) {
      chosen.push(midpoint(sorted[i], sorted[i + 1]));
      while (target * n <= (i + 1) * maxBins) target++;
      if (chosen.length === maxBins - 1) break;
    }
  }
  return Float32Array.from(chosen);
}

function midpoint(lower: number, upper: number): number {
  const mid = Math.fround(lower + (upper - lower) / 2);
  return mid >= upper ? lower : mid;
}

/** The bin of a float32 value: binary search for the first cut >= x. */
export function binOf(cuts: Float32Array, x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bins `rowCount` rows of a row-major float32 matrix into a row-major `[rowCount, featureCount]` byte matrix. */
export function binRows(bins: FeatureBins, rows: Float32Array, rowCount = rows.length / bins.featureCount): Uint8Array {
  const F = bins.featureCount;
  const out = new Uint8Array(rowCount * F);
  for (let r = 0; r < rowCount; r++) {
    for (let f = 0; f < F; f++) out[r * F + f] = binOf(bins.cuts[f], rows[r * F + f]);
  }
  return out;
}
