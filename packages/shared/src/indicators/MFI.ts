import type { Candle } from '../candles/Candle';
import { RingBuffer } from './RingBuffer';
import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Money Flow Index (a volume-weighted RSI), 0-100: 100 x positive flow / (positive + negative flow)
 * over the last `interval` typical-price changes; 50 when there was no flow.
 */
export class MFI implements StreamingIndicator<Candle> {
  /** MFI after the last update; NaN while warming up. Written only by update. */
  value = Number.NaN;
  private readonly positive: RingBuffer;
  private readonly negative: RingBuffer;
  private previousTypical = Number.NaN;
  private seen = 0;

  constructor(readonly interval = 14) {
    this.positive = new RingBuffer(interval);
    this.negative = new RingBuffer(interval);
  }

  /** Feeds one candle without allocating; read `value`. */
  update(candle: Candle): void {
    const typical = (candle.high + candle.low + candle.close) / 3;
    if (this.seen > 0) {
      const flow = typical * candle.volume;
      this.positive.push(typical > this.previousTypical ? flow : 0);
      this.negative.push(typical < this.previousTypical ? flow : 0);
    }
    this.previousTypical = typical;
    this.seen++;
    if (!this.positive.isFull) return;
    const up = this.positive.sum();
    const down = this.negative.sum();
    this.value = up + down === 0 ? 50 : (100 * up) / (up + down);
  }

  get isReady(): boolean {
    return this.positive.isFull;
  }

  reset(): void {
    this.value = Number.NaN;
    this.previousTypical = Number.NaN;
    this.seen = 0;
    this.positive.reset();
    this.negative.reset();
  }

  add(candle: Candle): number | null {
    this.update(candle);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  getRequiredInputs(): number {
    return this.interval + 1;
  }
}
