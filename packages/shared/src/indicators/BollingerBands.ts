import { RingBuffer } from './RingBuffer';
import type { StreamingIndicator } from './StreamingIndicator';

export interface BollingerBandsResult {
  lower: number;
  middle: number;
  upper: number;
}

/** BollingerBandsResult as a class: its double fields are overwritten in place (see MACDValues in MACD.ts). */
class BollingerBandsValues implements BollingerBandsResult {
  lower = Number.NaN;
  middle = Number.NaN;
  upper = Number.NaN;
}

/** Bollinger Bands: SMA(interval) +/- multiplier x population standard deviation of the same prices. */
export class BollingerBands implements StreamingIndicator<number, BollingerBandsResult> {
  /**
   * The bands after the last update, NaN while warming up. One object reused for every value (read
   * it before the next update): no allocation per candle. Written only by update.
   */
  readonly latest: BollingerBandsResult = new BollingerBandsValues();
  private readonly window: RingBuffer;

  constructor(
    readonly interval = 20,
    readonly multiplier = 2,
  ) {
    this.window = new RingBuffer(interval);
  }

  /** Feeds one price without allocating; read `latest`. */
  update(price: number): void {
    this.window.push(price);
    if (!this.window.isFull) return;
    const middle = this.window.sum() / this.interval;
    const deviation = Math.sqrt(this.window.sumSquaredDeviations(middle) / this.interval) * this.multiplier;
    this.latest.lower = middle - deviation;
    this.latest.middle = middle;
    this.latest.upper = middle + deviation;
  }

  get isReady(): boolean {
    return this.window.isFull;
  }

  reset(): void {
    this.window.reset();
    this.latest.lower = Number.NaN;
    this.latest.middle = Number.NaN;
    this.latest.upper = Number.NaN;
  }

  add(price: number): BollingerBandsResult | null {
    this.update(price);
    return this.getResult();
  }

  getResult(): BollingerBandsResult | null {
    return this.isReady ? this.latest : null;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
