import type { Candle } from '../../candles/Candle';
import { ADX } from '../../indicators/ADX';
import { wilderMemory, type FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

class AdxKernel extends FeatureKernel {
  private readonly adx = new ADX(14);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.adx.update(candle);
    // value is NaN until the ADX is ready, so no isReady check is needed.
    out[offset] = this.adx.value;
  }

  getRequiredInputs(): number {
    return this.adx.getRequiredInputs();
  }

  protected clear(): void {
    this.adx.reset();
  }
}

export const adx14: FeatureDefinition = {
  name: 'adx14',
  formula: 'ADX(14), Wilder smoothing, 0..100',
  // Directional movement is smoothed once, then DX again.
  memory: 1 + 2 * wilderMemory(14),
  create: () => new AdxKernel(),
};
