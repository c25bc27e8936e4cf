import { BollingerBands } from '../../indicators/BollingerBands';
import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

/** Bollinger %B: where the close sits between the bands (0 = lower, 1 = upper; 0.5 when the bands collapse). */
export const bollingerPercentB: FeatureDefinition = {
  name: 'bollingerPercentB',
  formula: '(close - lower) / (upper - lower) of BB(20, 2); 0.5 if upper == lower',
  create() {
    const bands = new BollingerBands(20, 2);
    return derivedFeature(bands.getRequiredInputs(), (candle) => {
      const result = bands.add(candle.close);
      if (result === null) return null;
      const width = result.upper - result.lower;
      return width === 0 ? 0.5 : (candle.close - result.lower) / width;
    });
  },
};

/** Bollinger bandwidth: band width relative to the middle band, a volatility measure. */
export const bollingerBandwidth: FeatureDefinition = {
  name: 'bollingerBandwidth',
  formula: '(upper - lower) / middle of BB(20, 2)',
  create() {
    const bands = new BollingerBands(20, 2);
    return derivedFeature(bands.getRequiredInputs(), (candle) => {
      const result = bands.add(candle.close);
      return result === null ? null : (result.upper - result.lower) / result.middle;
    });
  },
};
