import type { StreamingIndicator } from './StreamingIndicator';
import { WilderMA } from './WilderMA';

/**
 * Relative Strength Index on closing prices, Wilder's smoothing: 100 - 100 / (1 + avgGain / avgLoss),
 * in [0, 100]; 100 when there were no losses. First value after interval + 1 prices.
 */
export class RSI implements StreamingIndicator<number> {
  private readonly gains: WilderMA;
  private readonly losses: WilderMA;
  private previous: number | null = null;
  private result: number | null = null;

  constructor(readonly interval: number) {
    this.gains = new WilderMA(interval);
    this.losses = new WilderMA(interval);
  }

  add(price: number): number | null {
    if (this.previous === null) {
      this.previous = price;
      return null;
    }
    const change = price - this.previous;
    this.previous = price;
    const gain = this.gains.add(change > 0 ? change : 0);
    const loss = this.losses.add(change > 0 ? 0 : -change);
    if (gain === null || loss === null) return null;
    this.result = loss === 0 ? 100 : 100 - 100 / (1 + gain / loss);
    return this.result;
  }

  getResult(): number | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return this.interval + 1;
  }
}
