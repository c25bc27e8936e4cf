import type { Candle } from '../candles/Candle';
import { RingBuffer } from './RingBuffer';
import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Money Flow Index (a volume-weighted RSI), 0-100: 100 x positive flow / (positive + negative flow)
 * over the last `interval` typical-price changes; 50 when there was no flow.
 */
export class MFI implements StreamingIndicator<Candle> {
  private readonly positive: RingBuffer;
  private readonly negative: RingBuffer;
  private previousTypical: number | null = null;
  private result: number | null = null;

  constructor(readonly interval = 14) {
    this.positive = new RingBuffer(interval);
    this.negative = new RingBuffer(interval);
  }

  add(candle: Candle): number | null {
    const typical = (candle.high + candle.low + candle.close) / 3;
    if (this.previousTypical !== null) {
      const flow = typical * candle.volume;
      this.positive.push(typical > this.previousTypical ? flow : 0);
      this.negative.push(typical < this.previousTypical ? flow : 0);
    }
    this.previousTypical = typical;
    if (!this.positive.isFull) return null;
    let up = 0;
    let down = 0;
    for (let i = 0; i < this.interval; i++) {
      up += this.positive.at(i);
      down += this.negative.at(i);
    }
    this.result = up + down === 0 ? 50 : (100 * up) / (up + down);
    return this.result;
  }

  getResult(): number | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return this.interval + 1;
  }
}
