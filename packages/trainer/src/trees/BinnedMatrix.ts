import { binRows, fitFeatureBins, MAX_BINS, type FeatureBins } from './FeatureBins';

/** Training rows as bin indices, row-major `[rows, featureCount]` bytes, with the bins that made them. */
export interface BinnedMatrix {
  bins: FeatureBins;
  binned: Uint8Array;
  rows: number;
  featureCount: number;
  /** Bins per feature (cuts + 1). */
  binCount: Int32Array;
}

/** Fits bins on every row of a row-major float32 matrix and bins it. */
export function binTrainingRows(x: Float32Array, featureCount: number, maxBins = MAX_BINS): BinnedMatrix {
  const rows = x.length / featureCount;
  const all = new Int32Array(rows);
  for (let r = 0; r < rows; r++) all[r] = r;
  const bins = fitFeatureBins(x, featureCount, all, maxBins);
  return { bins, binned: binRows(bins, x, rows), rows, featureCount, binCount: Int32Array.from(bins.cuts, (c) => c.length + 1) };
}

/**
 * Moves the rows of `index[start, end)` that go left (`bin <= splitBin` on `feature`) to the front,
 * in place; returns where the right part starts.
 */
export function partitionRows(index: Int32Array, start: number, end: number, binned: Uint8Array, featureCount: number, feature: number, splitBin: number): number {
  let i = start;
  let j = end - 1;
  while (i <= j) {
    if (binned[index[i] * featureCount + feature] <= splitBin) i++;
    else {
      const swap = index[i];
      index[i] = index[j];
      index[j--] = swap;
    }
  }
  return i;
}
