import type { Candle } from '../../candles/Candle';
import { RingBuffer } from '../../indicators/RingBuffer';
import type { FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

class LogReturnKernel extends FeatureKernel {
  private readonly closes: RingBuffer;

  constructor(private readonly lag: number) {
    super();
    this.closes = new RingBuffer(lag + 1);
  }

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.closes.push(candle.close);
    out[offset] = this.closes.isFull ? Math.log(candle.close / this.closes.at(0)) : Number.NaN;
  }

  getRequiredInputs(): number {
    return this.lag + 1;
  }

  protected clear(): void {
    this.closes.reset();
  }
}

/** ln(close_t / close_{t-lag}): the scale-free return over `lag` candles. Warm-up lag + 1. */
export function logReturn(lag: number): FeatureDefinition {
  return {
    name: `logReturn${lag}`,
    formula: `ln(close[t] / close[t-${lag}])`,
    create: () => new LogReturnKernel(lag),
  };
}
