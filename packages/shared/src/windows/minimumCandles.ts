import type { FeatureSpec } from '../features/FeatureSpec';

/**
 * Candles needed to form one window: the first complete feature row is at candle warmUp - 1, and a
 * window needs windowLength complete rows. The edge asks for exactly this many.
 */
export function minimumCandles(spec: FeatureSpec, windowLength: number): number {
  return spec.warmUp + windowLength - 1;
}
