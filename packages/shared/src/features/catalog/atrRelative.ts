import type { Candle } from '../../candles/Candle';
import { ATR } from '../../indicators/ATR';
import { wilderMemory, type FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

class AtrRelativeKernel extends FeatureKernel {
  private readonly atr = new ATR(14);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.atr.update(candle);
    out[offset] = this.atr.isReady ? this.atr.value / candle.close : Number.NaN;
  }

  getRequiredInputs(): number {
    return this.atr.getRequiredInputs();
  }

  protected clear(): void {
    this.atr.reset();
  }
}

export const atrRelative14: FeatureDefinition = {
  name: 'atrRelative14',
  formula: 'ATR(14, Wilder) / close[t]',
  memory: 1 + wilderMemory(14),
  create: () => new AtrRelativeKernel(),
};
