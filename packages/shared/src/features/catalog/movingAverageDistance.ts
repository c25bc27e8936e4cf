import type { Candle } from '../../candles/Candle';
import { EMA } from '../../indicators/EMA';
import { SMA } from '../../indicators/SMA';
import { emaMemory, type FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

class EmaDistanceKernel extends FeatureKernel {
  private readonly ema = new EMA(20);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.ema.update(candle.close);
    out[offset] = this.ema.isReady ? candle.close / this.ema.value - 1 : Number.NaN;
  }

  getRequiredInputs(): number {
    return this.ema.getRequiredInputs();
  }

  protected clear(): void {
    this.ema.reset();
  }
}

class SmaDistanceKernel extends FeatureKernel {
  private readonly sma = new SMA(50);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.sma.update(candle.close);
    out[offset] = this.sma.isReady ? candle.close / this.sma.value - 1 : Number.NaN;
  }

  getRequiredInputs(): number {
    return this.sma.getRequiredInputs();
  }

  protected clear(): void {
    this.sma.reset();
  }
}

export const emaDistance20: FeatureDefinition = {
  name: 'emaDistance20',
  formula: 'close[t] / EMA20(close) - 1',
  memory: emaMemory(20),
  create: () => new EmaDistanceKernel(),
};

export const smaDistance50: FeatureDefinition = {
  name: 'smaDistance50',
  formula: 'close[t] / SMA50(close) - 1',
  create: () => new SmaDistanceKernel(),
};
