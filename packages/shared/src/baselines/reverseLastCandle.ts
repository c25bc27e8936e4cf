import type { Dataset } from '../windows/buildDataset';
import { lastCandleMove } from './lastCandleMove';

/**
 * The bid-ask-bounce baseline: predict the opposite of the last candle's close-to-close move.
 * Returns p(BUY) per sample (indices into dataset.ends): 0.5 + confidence / 2 after a down
 * candle, 0.5 - confidence / 2 after an up candle, 0.5 after a flat one (which the 0.5 accuracy
 * threshold counts as SELL). `confidence` in [0, 1], default 1 (hard 0/1 predictions).
 */
export function reverseLastCandle(dataset: Dataset, samples: readonly number[], confidence = 1): Float32Array {
  const moves = lastCandleMove(dataset, samples);
  return Float32Array.from(moves, (move) => 0.5 - (move * confidence) / 2);
}
