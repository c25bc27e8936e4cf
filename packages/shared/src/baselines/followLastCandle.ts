import type { Dataset } from '../windows/buildDataset';
import { lastCandleMove } from './lastCandleMove';

/**
 * The momentum baseline: predict the same direction as the last candle's close-to-close move.
 * Returns p(BUY) per sample (indices into dataset.ends): 0.5 + confidence / 2 after an up candle,
 * 0.5 - confidence / 2 after a down candle, 0.5 after a flat one. `confidence` in [0, 1], default 1.
 */
export function followLastCandle(dataset: Dataset, samples: readonly number[], confidence = 1): Float32Array {
  const moves = lastCandleMove(dataset, samples);
  return Float32Array.from(moves, (move) => 0.5 + (move * confidence) / 2);
}
