import type { Candle } from '../candles/Candle';
import { RingBuffer } from './RingBuffer';
import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Commodity Channel Index: (typical price - SMA) / (0.015 x mean absolute deviation) over `interval`
 * candles, typical price = (high + low + close) / 3. Zero deviation (a flat window) gives 0.
 */
export class CCI implements StreamingIndicator<Candle> {
  /** CCI after the last update; NaN while warming up. Written only by update. */
  value = Number.NaN;
  private readonly window: RingBuffer;

  constructor(readonly interval = 20) {
    this.window = new RingBuffer(interval);
  }

  /** Feeds one candle without allocating; read `value`. */
  update(candle: Candle): void {
    const typical = (candle.high + candle.low + candle.close) / 3;
    this.window.push(typical);
    if (!this.window.isFull) return;
    const mean = this.window.sum() / this.interval;
    const deviation = this.window.sumAbsoluteDeviations(mean) / this.interval;
    this.value = deviation === 0 ? 0 : (typical - mean) / (0.015 * deviation);
  }

  get isReady(): boolean {
    return this.window.isFull;
  }

  reset(): void {
    this.value = Number.NaN;
    this.window.reset();
  }

  add(candle: Candle): number | null {
    this.update(candle);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
