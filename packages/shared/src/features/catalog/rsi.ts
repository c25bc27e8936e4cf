import type { Candle } from '../../candles/Candle';
import { RSI } from '../../indicators/RSI';
import { wilderMemory, type FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

class RsiKernel extends FeatureKernel {
  private readonly rsi: RSI;

  constructor(interval: number) {
    super();
    this.rsi = new RSI(interval);
  }

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.rsi.update(candle.close);
    out[offset] = this.rsi.isReady ? this.rsi.value : Number.NaN;
  }

  getRequiredInputs(): number {
    return this.rsi.getRequiredInputs();
  }

  protected clear(): void {
    this.rsi.reset();
  }
}

export function rsi(interval: number): FeatureDefinition {
  return {
    name: `rsi${interval}`,
    formula: `RSI(${interval}) of close, Wilder smoothing, 0..100`,
    memory: 1 + wilderMemory(interval),
    create: () => new RsiKernel(interval),
  };
}
