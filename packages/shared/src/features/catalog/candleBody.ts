import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

/** The candle's body as a signed share of its range: +1 a full up candle, -1 a full down candle, 0 a doji or flat candle. */
export const candleBody: FeatureDefinition = {
  name: 'candleBody',
  formula: '(close - open) / (high - low); 0 if high == low',
  create() {
    return derivedFeature(1, (candle) => {
      const range = candle.high - candle.low;
      return range === 0 ? 0 : (candle.close - candle.open) / range;
    });
  },
};
