import type { Candle } from '../../candles/Candle';
import { CCI } from '../../indicators/CCI';
import type { FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

class CciKernel extends FeatureKernel {
  private readonly cci = new CCI(20);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.cci.update(candle);
    out[offset] = this.cci.isReady ? this.cci.value : Number.NaN;
  }

  getRequiredInputs(): number {
    return this.cci.getRequiredInputs();
  }

  protected clear(): void {
    this.cci.reset();
  }
}

export const cci20: FeatureDefinition = {
  name: 'cci20',
  formula: '(typical - SMA20(typical)) / (0.015 * meanAbsDev20(typical)); 0 if the deviation is 0',
  create: () => new CciKernel(),
};
