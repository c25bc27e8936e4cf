import type { Dataset } from '../windows/buildDataset';

/**
 * Sign of the close-to-close move of the last candle of each sample's window: +1 up, -1 down, 0
 * flat (also for a gap-filled candle). Windows never start a segment, so the candle before the
 * last is always in the same segment.
 */
export function lastCandleMove(dataset: Dataset, samples: readonly number[]): Int8Array {
  const moves = new Int8Array(samples.length);
  for (let s = 0; s < samples.length; s++) {
    const row = dataset.ends[samples[s]];
    moves[s] = Math.sign(dataset.candles[row].close - dataset.candles[row - 1].close);
  }
  return moves;
}
