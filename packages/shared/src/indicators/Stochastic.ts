import type { Candle } from '../candles/Candle';
import { RingBuffer } from './RingBuffer';
import { SMA } from './SMA';
import type { StreamingIndicator } from './StreamingIndicator';

export interface StochasticResult {
  /** Fast %K: where the close sits in the last kPeriod candles' high-low range, 0-100. */
  k: number;
  /** %D: SMA(dPeriod) of %K. */
  d: number;
}

/** StochasticResult as a class: its double fields are overwritten in place (see MACDValues in MACD.ts). */
class StochasticValues implements StochasticResult {
  k = Number.NaN;
  d = Number.NaN;
}

/**
 * Stochastic oscillator (%K, %D). A range of zero (all candles flat) gives %K = 50, the neutral
 * value, rather than dividing by zero.
 */
export class Stochastic implements StreamingIndicator<Candle, StochasticResult> {
  /**
   * %K and %D after the last update, NaN while warming up. One object reused for every value (read
   * it before the next update): the edge feeds hundreds of candles per request and must not
   * allocate per candle. Written only by update.
   */
  readonly latest: StochasticResult = new StochasticValues();
  private readonly highs: RingBuffer;
  private readonly lows: RingBuffer;
  private readonly dLine: SMA;

  constructor(
    readonly kPeriod = 14,
    readonly dPeriod = 3,
  ) {
    this.dLine = new SMA(dPeriod);
    this.highs = new RingBuffer(kPeriod);
    this.lows = new RingBuffer(kPeriod);
  }

  /** Feeds one candle without allocating; read `latest`. */
  update(candle: Candle): void {
    this.highs.push(candle.high);
    this.lows.push(candle.low);
    if (!this.highs.isFull) return;
    const highest = this.highs.max();
    const lowest = this.lows.min();
    const k = highest === lowest ? 50 : (100 * (candle.close - lowest)) / (highest - lowest);
    this.dLine.update(k);
    if (!this.dLine.isReady) return;
    this.latest.k = k;
    this.latest.d = this.dLine.value;
  }

  get isReady(): boolean {
    return this.dLine.isReady;
  }

  reset(): void {
    this.highs.reset();
    this.lows.reset();
    this.dLine.reset();
    this.latest.k = Number.NaN;
    this.latest.d = Number.NaN;
  }

  add(candle: Candle): StochasticResult | null {
    this.update(candle);
    return this.getResult();
  }

  getResult(): StochasticResult | null {
    return this.isReady ? this.latest : null;
  }

  getRequiredInputs(): number {
    return this.kPeriod + this.dPeriod - 1;
  }
}
