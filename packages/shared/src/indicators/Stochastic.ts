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

/**
 * Stochastic oscillator (%K, %D). A range of zero (all candles flat) gives %K = 50, the neutral
 * value, rather than dividing by zero. The result object is reused (read it before the next add):
 * the edge feeds hundreds of candles per request and must not allocate per candle.
 */
export class Stochastic implements StreamingIndicator<Candle, StochasticResult> {
  private readonly highs: RingBuffer;
  private readonly lows: RingBuffer;
  private readonly dLine: SMA;
  private readonly current: StochasticResult = { k: 0, d: 0 };
  private result: StochasticResult | null = null;

  constructor(
    readonly kPeriod = 14,
    readonly dPeriod = 3,
  ) {
    this.dLine = new SMA(dPeriod);
    this.highs = new RingBuffer(kPeriod);
    this.lows = new RingBuffer(kPeriod);
  }

  add(candle: Candle): StochasticResult | null {
    this.highs.push(candle.high);
    this.lows.push(candle.low);
    if (!this.highs.isFull) return null;
    let highest = -Infinity;
    let lowest = Infinity;
    for (let i = 0; i < this.kPeriod; i++) {
      highest = Math.max(highest, this.highs.at(i));
      lowest = Math.min(lowest, this.lows.at(i));
    }
    const k = highest === lowest ? 50 : (100 * (candle.close - lowest)) / (highest - lowest);
    const d = this.dLine.add(k);
    if (d === null) return null;
    this.current.k = k;
    this.current.d = d;
    this.result = this.current;
    return this.result;
  }

  getResult(): StochasticResult | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return this.kPeriod + this.dPeriod - 1;
  }
}
