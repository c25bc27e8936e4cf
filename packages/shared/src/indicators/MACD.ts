import { EMA } from './EMA';
import type { StreamingIndicator } from './StreamingIndicator';

export interface MACDResult {
  macd: number;
  signal: number;
  histogram: number;
}

/**
 * Moving Average Convergence/Divergence: macd = EMA(short) - EMA(long); signal = EMA(signal) of macd,
 * seeded with the first macd value; histogram = macd - signal. Reported once the signal line has
 * seen `signal` macd values, i.e. after long + signal - 1 prices.
 */
export class MACD implements StreamingIndicator<number, MACDResult> {
  private readonly shortEma: EMA;
  private readonly longEma: EMA;
  private readonly signalEma: EMA;
  // Reused for every value (read it before the next add): no allocation per candle.
  private readonly current: MACDResult = { macd: 0, signal: 0, histogram: 0 };
  private result: MACDResult | null = null;

  constructor(
    readonly short = 12,
    readonly long = 26,
    readonly signal = 9,
  ) {
    this.shortEma = new EMA(short);
    this.longEma = new EMA(long);
    this.signalEma = new EMA(signal);
  }

  add(price: number): MACDResult | null {
    this.shortEma.add(price);
    const long = this.longEma.add(price);
    if (long === null) return null;
    const macd = (this.shortEma.getRawValue() as number) - long;
    const signal = this.signalEma.add(macd);
    if (signal === null) return null;
    this.current.macd = macd;
    this.current.signal = signal;
    this.current.histogram = macd - signal;
    this.result = this.current;
    return this.result;
  }

  getResult(): MACDResult | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return this.long + this.signal - 1;
  }
}
