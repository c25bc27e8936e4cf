import type { Candle } from '../../candles/Candle';
import type { FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

class CandleBodyKernel extends FeatureKernel {
  write(candle: Candle, out: Float64Array, offset: number): void {
    const range = candle.high - candle.low;
    out[offset] = range === 0 ? 0 : (candle.close - candle.open) / range;
  }

  getRequiredInputs(): number {
    return 1;
  }

  protected clear(): void {
    // Stateless: each value depends on its own candle only.
  }
}

/** The candle's body as a signed share of its range: +1 a full up candle, -1 a full down candle, 0 a doji or flat candle. */
export const candleBody: FeatureDefinition = {
  name: 'candleBody',
  formula: '(close - open) / (high - low); 0 if high == low',
  create: () => new CandleBodyKernel(),
};
