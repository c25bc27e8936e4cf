import { RingBuffer } from './RingBuffer';
import type { StreamingIndicator } from './StreamingIndicator';

export interface BollingerBandsResult {
  lower: number;
  middle: number;
  upper: number;
}

/** Bollinger Bands: SMA(interval) +/- multiplier x population standard deviation of the same prices. */
export class BollingerBands implements StreamingIndicator<number, BollingerBandsResult> {
  private readonly window: RingBuffer;
  // Reused for every value (read it before the next add): no allocation per candle.
  private readonly current: BollingerBandsResult = { lower: 0, middle: 0, upper: 0 };
  private result: BollingerBandsResult | null = null;

  constructor(
    readonly interval = 20,
    readonly multiplier = 2,
  ) {
    this.window = new RingBuffer(interval);
  }

  add(price: number): BollingerBandsResult | null {
    this.window.push(price);
    if (!this.window.isFull) return null;
    let sum = 0;
    for (let i = 0; i < this.interval; i++) sum += this.window.at(i);
    const middle = sum / this.interval;
    let squares = 0;
    for (let i = 0; i < this.interval; i++) squares += (this.window.at(i) - middle) ** 2;
    const deviation = Math.sqrt(squares / this.interval) * this.multiplier;
    this.current.lower = middle - deviation;
    this.current.middle = middle;
    this.current.upper = middle + deviation;
    this.result = this.current;
    return this.result;
  }

  getResult(): BollingerBandsResult | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
