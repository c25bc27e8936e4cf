import type { Candle } from '../candles/Candle';
import { RingBuffer } from './RingBuffer';
import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Commodity Channel Index: (typical price - SMA) / (0.015 x mean absolute deviation) over `interval`
 * candles, typical price = (high + low + close) / 3. Zero deviation (a flat window) gives 0.
 */
export class CCI implements StreamingIndicator<Candle> {
  private readonly window: RingBuffer;
  private result: number | null = null;

  constructor(readonly interval = 20) {
    this.window = new RingBuffer(interval);
  }

  add(candle: Candle): number | null {
    const typical = (candle.high + candle.low + candle.close) / 3;
    this.window.push(typical);
    if (!this.window.isFull) return null;
    let sum = 0;
    for (let i = 0; i < this.interval; i++) sum += this.window.at(i);
    const mean = sum / this.interval;
    let deviation = 0;
    for (let i = 0; i < this.interval; i++) deviation += Math.abs(this.window.at(i) - mean);
    deviation /= this.interval;
    this.result = deviation === 0 ? 0 : (typical - mean) / (0.015 * deviation);
    return this.result;
  }

  getResult(): number | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
