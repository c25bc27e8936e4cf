/*
 * Shorter histories: the padding convention the edge kernels reproduce.
 *
 * - A model has a fixed input of W rows (config.model.windowLength, 30-120) by F features; row
 *   W-1 is always the newest candle (the one the signal is for).
 * - A history of L < W normalised feature rows (L >= config.model.minHistory) is LEFT-padded:
 *   rows 0 .. W-L-1 hold MASK_VALUE in every feature, rows W-L .. W-1 hold the L real rows,
 *   oldest first.
 * - A row is padding if and only if all F of its values equal MASK_VALUE exactly (tfjs Masking:
 *   a step is real when any(x != maskValue)). Normalised features are clipped to +-clip (8 by
 *   default; see Normalisation), so a real row can never be all MASK_VALUE.
 * - Only a model whose config has minHistory < W has a Masking layer (first layer after the
 *   input, maskValue = MASK_VALUE). Masking multiplies padded rows by 0 and passes the mask on.
 *   A model without it must be given full windows.
 * - Recurrent layers (tfjs LSTM/GRU): at a padded step the state is carried unchanged and the
 *   step's output equals the previous output. With the zero initial state and left padding this
 *   is exactly "run the cell over the L real rows only"; outputs at padded steps are zero vectors.
 * - TemporalAttention, TransformerEncoderBlock and MaskedAveragePooling leave padded steps out
 *   (see the math at the top of each file). Dense and Dropout layers pass the mask through.
 */

/** The value every feature of a padding row holds. Outside any normalised (clipped) feature range. */
export const MASK_VALUE = -1000;

/**
 * Left-pads `rows` (a row-major `[L, F]` history of normalised features, oldest first, L <= W)
 * into one `[W, F]` window. A history longer than W keeps its newest W rows.
 */
export function leftPadHistory(rows: Float32Array, featureCount: number, windowLength: number): Float32Array {
  const length = rows.length / featureCount;
  if (!Number.isInteger(length)) throw new RangeError(`history holds ${rows.length} values, not a multiple of ${featureCount} features`);
  const window = new Float32Array(windowLength * featureCount);
  const kept = Math.min(length, windowLength);
  const padded = windowLength - kept;
  window.fill(MASK_VALUE, 0, padded * featureCount);
  window.set(rows.subarray((length - kept) * featureCount), padded * featureCount);
  return window;
}

/** Overwrites the oldest W - `history` rows of window `sample` in a `[samples, W, F]` batch with padding. */
export function truncateHistory(batch: Float32Array, sample: number, windowLength: number, featureCount: number, history: number): void {
  const start = sample * windowLength * featureCount;
  batch.fill(MASK_VALUE, start, start + (windowLength - history) * featureCount);
}
