import { EMA } from './EMA';
import type { StreamingIndicator } from './StreamingIndicator';

export interface MACDResult {
  macd: number;
  signal: number;
  histogram: number;
}

/**
 * MACDResult as a class: V8 overwrites a class-declared double field in place, while every store to
 * a field of the equivalent object literal allocated a new number (measured, Node 20).
 */
class MACDValues implements MACDResult {
  macd = Number.NaN;
  signal = Number.NaN;
  histogram = Number.NaN;
}

/**
 * Moving Average Convergence/Divergence: macd = EMA(short) - EMA(long); signal = EMA(signal) of macd,
 * seeded with the first macd value; histogram = macd - signal. Reported once the signal line has
 * seen `signal` macd values, i.e. after long + signal - 1 prices.
 */
export class MACD implements StreamingIndicator<number, MACDResult> {
  /**
   * The values after the last update, NaN while warming up. One object reused for every value (read
   * it before the next update): no allocation per candle. Written only by update.
   */
  readonly latest: MACDResult = new MACDValues();
  private readonly shortEma: EMA;
  private readonly longEma: EMA;
  private readonly signalEma: EMA;

  constructor(
    readonly short = 12,
    readonly long = 26,
    readonly signal = 9,
  ) {
    this.shortEma = new EMA(short);
    this.longEma = new EMA(long);
    this.signalEma = new EMA(signal);
  }

  /** Feeds one price without allocating; read `latest`. */
  update(price: number): void {
    this.shortEma.update(price);
    this.longEma.update(price);
    if (!this.longEma.isReady) return;
    const macd = this.shortEma.value - this.longEma.value;
    this.signalEma.update(macd);
    if (!this.signalEma.isReady) return;
    const signal = this.signalEma.value;
    this.latest.macd = macd;
    this.latest.signal = signal;
    this.latest.histogram = macd - signal;
  }

  get isReady(): boolean {
    return this.signalEma.isReady;
  }

  reset(): void {
    this.shortEma.reset();
    this.longEma.reset();
    this.signalEma.reset();
    this.latest.macd = Number.NaN;
    this.latest.signal = Number.NaN;
    this.latest.histogram = Number.NaN;
  }

  add(price: number): MACDResult | null {
    this.update(price);
    return this.getResult();
  }

  getResult(): MACDResult | null {
    return this.isReady ? this.latest : null;
  }

  getRequiredInputs(): number {
    return this.long + this.signal - 1;
  }
}
