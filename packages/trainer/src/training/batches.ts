import { materializeWindows, type Dataset, type SeededRandom } from '@candlecast/shared';
import { truncateHistory } from '../models/historyPadding';

/** One training batch: windows `[n, W, F]`, one-hot targets `[n, 2]` and per-sample loss weights `[n]`. */
export interface Batch {
  size: number;
  windows: Float32Array;
  targets: Float32Array;
  weights: Float32Array;
}

/** Short-history augmentation: each window is cut to a random history in [minHistory, W) with this rate. */
export interface ShortHistory {
  minHistory: number;
  rate: number;
  random: SeededRandom;
}

/**
 * Copies the windows of `samples` (indices into dataset.ends) into a batch, with [SELL, BUY]
 * loss weights. Buffers are reused across batches of the same size.
 */
export function fillBatch(dataset: Dataset, samples: ArrayLike<number>, weights: readonly [number, number], shortHistory?: ShortHistory, reuse?: Batch): Batch {
  const { featureCount, windowLength } = dataset;
  const size = samples.length;
  const batch =
    reuse && reuse.size === size
      ? reuse
      : { size, windows: new Float32Array(size * windowLength * featureCount), targets: new Float32Array(size * 2), weights: new Float32Array(size) };
  materializeWindows(dataset.features, featureCount, windowLength, dataset.ends, samples, batch.windows);
  batch.targets.fill(0);
  for (let s = 0; s < size; s++) {
    const label = dataset.labels[samples[s]];
    batch.targets[s * 2 + label] = 1;
    batch.weights[s] = weights[label];
    if (shortHistory && shortHistory.minHistory < windowLength && shortHistory.random.next() < shortHistory.rate) {
      const history = shortHistory.minHistory + shortHistory.random.int(windowLength - shortHistory.minHistory);
      truncateHistory(batch.windows, s, windowLength, featureCount, history);
    }
  }
  return batch;
}
