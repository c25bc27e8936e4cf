import type { Candle } from '../../candles/Candle';
import { BollingerBands } from '../../indicators/BollingerBands';
import { familyMember, type FeatureFamily } from '../FeatureFamily';
import type { FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

/** Writes %B, then bandwidth. */
class BollingerKernel extends FeatureKernel {
  private readonly bands = new BollingerBands(20, 2);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.bands.update(candle.close);
    if (!this.bands.isReady) {
      out[offset] = Number.NaN;
      out[offset + 1] = Number.NaN;
      return;
    }
    const { lower, middle, upper } = this.bands.latest;
    const width = upper - lower;
    out[offset] = width === 0 ? 0.5 : (candle.close - lower) / width;
    out[offset + 1] = (upper - lower) / middle;
  }

  getRequiredInputs(): number {
    return this.bands.getRequiredInputs();
  }

  protected clear(): void {
    this.bands.reset();
  }
}

const BOLLINGER_FAMILY: FeatureFamily = { name: 'BB(20, 2)', width: 2, create: () => new BollingerKernel() };

/** Bollinger %B: where the close sits between the bands (0 = lower, 1 = upper; 0.5 when the bands collapse). */
export const bollingerPercentB: FeatureDefinition = {
  name: 'bollingerPercentB',
  formula: '(close - lower) / (upper - lower) of BB(20, 2); 0.5 if upper == lower',
  ...familyMember(BOLLINGER_FAMILY, 0),
};

/** Bollinger bandwidth: band width relative to the middle band, a volatility measure. */
export const bollingerBandwidth: FeatureDefinition = {
  name: 'bollingerBandwidth',
  formula: '(upper - lower) / middle of BB(20, 2)',
  ...familyMember(BOLLINGER_FAMILY, 1),
};
