import type { Candle } from '../candles/Candle';
import { FeatureStream } from './FeatureStream';
import type { FeatureSpec } from './FeatureSpec';

/**
 * Feature rows for a contiguous run of candles, row-major `[candles, features]` Float32.
 * Rows before `spec.warmUp - 1` hold NaN in the features that are still warming up.
 */
export interface FeatureMatrix {
  values: Float32Array;
  rows: number;
  featureCount: number;
  /** First row index where every feature is defined (spec.warmUp - 1), or `rows` if none is. */
  firstCompleteRow: number;
}

/** Batch feature computation: the FeatureStream run over every candle. */
export function computeFeatures(candles: readonly Candle[], spec: FeatureSpec): FeatureMatrix {
  const featureCount = spec.names.length;
  const values = new Float32Array(candles.length * featureCount);
  new FeatureStream(spec).addMany(candles, 0, candles.length, values);
  // A row is complete when no feature wrote NaN (FeatureStream.add's return value, row by row).
  let firstCompleteRow = candles.length;
  for (let i = 0; i < candles.length && firstCompleteRow === candles.length; i++) {
    let complete = true;
    for (let f = 0; f < featureCount && complete; f++) complete = !Number.isNaN(values[i * featureCount + f]);
    if (complete) firstCompleteRow = i;
  }
  return { values, rows: candles.length, featureCount, firstCompleteRow };
}
