import type { StreamingIndicator } from './StreamingIndicator';
import { WilderMA } from './WilderMA';

/**
 * Relative Strength Index on closing prices, Wilder's smoothing: 100 - 100 / (1 + avgGain / avgLoss),
 * in [0, 100]; 100 when there were no losses. First value after interval + 1 prices.
 */
export class RSI implements StreamingIndicator<number> {
  /** RSI after the last update; NaN while warming up. Written only by update. */
  value = Number.NaN;
  private readonly gains: WilderMA;
  private readonly losses: WilderMA;
  private previous = Number.NaN;
  private seen = 0;

  constructor(readonly interval: number) {
    this.gains = new WilderMA(interval);
    this.losses = new WilderMA(interval);
  }

  /** Feeds one price without allocating; read `value`. */
  update(price: number): void {
    this.seen++;
    if (this.seen === 1) {
      this.previous = price;
      return;
    }
    const change = price - this.previous;
    this.previous = price;
    this.gains.update(change > 0 ? change : 0);
    this.losses.update(change > 0 ? 0 : -change);
    if (!this.gains.isReady) return;
    const gain = this.gains.value;
    const loss = this.losses.value;
    this.value = loss === 0 ? 100 : 100 - 100 / (1 + gain / loss);
  }

  get isReady(): boolean {
    return this.gains.isReady;
  }

  reset(): void {
    this.value = Number.NaN;
    this.previous = Number.NaN;
    this.seen = 0;
    this.gains.reset();
    this.losses.reset();
  }

  add(price: number): number | null {
    this.update(price);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  getRequiredInputs(): number {
    return this.interval + 1;
  }
}
