import type { Candle } from '../../candles/Candle';
import { MFI } from '../../indicators/MFI';
import type { FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

class MfiKernel extends FeatureKernel {
  private readonly mfi = new MFI(14);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.mfi.update(candle);
    out[offset] = this.mfi.isReady ? this.mfi.value : Number.NaN;
  }

  getRequiredInputs(): number {
    return this.mfi.getRequiredInputs();
  }

  protected clear(): void {
    this.mfi.reset();
  }
}

export const mfi14: FeatureDefinition = {
  name: 'mfi14',
  formula: 'MFI(14), 0..100; 50 when there was no money flow',
  create: () => new MfiKernel(),
};
