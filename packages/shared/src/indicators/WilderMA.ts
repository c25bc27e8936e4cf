import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Wilder's smoothing (RMA): the SMA of the first `interval` values, then
 * prev + (value - prev) / interval. Used by RSI, ATR and ADX.
 */
export class WilderMA implements StreamingIndicator<number> {
  /** The average after the last update; NaN until `interval` values were seen. Written only by update. */
  value = Number.NaN;
  // Starts as a non-integer double so V8 gives the field the Double representation at once (born
  // Smi 0, it changes representation on the first add and deopts whatever was optimised for it).
  private seedSum = Number.NaN;
  private count = 0;

  constructor(readonly interval: number) {
    this.seedSum = 0;
  }

  /** Feeds one value without allocating; read `value`. */
  update(input: number): void {
    this.count++;
    if (this.count > this.interval) {
      this.value += (input - this.value) / this.interval;
    } else {
      this.seedSum += input;
      if (this.count === this.interval) this.value = this.seedSum / this.interval;
    }
  }

  get isReady(): boolean {
    return this.count >= this.interval;
  }

  reset(): void {
    this.value = Number.NaN;
    this.seedSum = 0;
    this.count = 0;
  }

  add(input: number): number | null {
    this.update(input);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
