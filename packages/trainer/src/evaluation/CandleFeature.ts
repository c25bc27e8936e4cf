import type { Candle, FeatureDefinition } from '@candlecast/shared';

/**
 * A FeatureDefinition-like feature computed over a whole array of candles at once: one value per
 * candle, NaN where undefined. Batch code like this is where look-ahead creeps in, because
 * `candles[t + 1]` is right there; the streaming FeatureDefinitions cannot see it.
 */
export interface CandleFeature {
  name: string;
  formula: string;
  compute(candles: readonly Candle[]): Float64Array;
}

/** Values of either kind of feature over `candles`: a streaming definition is fed candle by candle. */
export function featureValues(feature: FeatureDefinition | CandleFeature, candles: readonly Candle[]): Float64Array {
  if ('compute' in feature) return feature.compute(candles);
  const indicator = feature.create();
  const values = new Float64Array(candles.length);
  for (let t = 0; t < candles.length; t++) values[t] = indicator.add(candles[t]) ?? Number.NaN;
  return values;
}
