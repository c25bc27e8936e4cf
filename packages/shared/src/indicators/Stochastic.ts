import type { Candle } from '../candles/Candle';
import { SMA } from './SMA';
import type { StreamingIndicator } from './StreamingIndicator';

export interface StochasticResult {
  /** Fast %K: where the close sits in the last kPeriod candles' high-low range, 0-100. */
  k: number;
  /** %D: SMA(dPeriod) of %K. */
  d: number;
}

/**
 * Stochastic oscillator (%K, %D). A range of zero (all candles flat) gives %K = 50, the neutral
 * value, rather than dividing by zero.
 */
export class Stochastic implements StreamingIndicator<Candle, StochasticResult> {
  private readonly highs: number[] = [];
  private readonly lows: number[] = [];
  private readonly dLine: SMA;
  private result: StochasticResult | null = null;

  constructor(
    readonly kPeriod = 14,
    readonly dPeriod = 3,
  ) {
    this.dLine = new SMA(dPeriod);
  }

  add(candle: Candle): StochasticResult | null {
    this.highs.push(candle.high);
    this.lows.push(candle.low);
    if (this.highs.length > this.kPeriod) {
      this.highs.shift();
      this.lows.shift();
    }
    if (this.highs.length < this.kPeriod) return null;
    const highest = Math.max(...this.highs);
    const lowest = Math.min(...this.lows);
    const k = highest === lowest ? 50 : (100 * (candle.close - lowest)) / (highest - lowest);
    const d = this.dLine.add(k);
    if (d === null) return null;
    this.result = { k, d };
    return this.result;
  }

  getResult(): StochasticResult | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return this.kPeriod + this.dPeriod - 1;
  }
}
