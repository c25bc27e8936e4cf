import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Wilder's smoothing (RMA): the SMA of the first `interval` values, then
 * prev + (value - prev) / interval. Used by RSI, ATR and ADX.
 */
export class WilderMA implements StreamingIndicator<number> {
  private value: number | null = null;
  private seedSum = 0;
  private count = 0;

  constructor(readonly interval: number) {}

  add(input: number): number | null {
    this.count++;
    if (this.value !== null) {
      this.value += (input - this.value) / this.interval;
    } else {
      this.seedSum += input;
      if (this.count === this.interval) this.value = this.seedSum / this.interval;
    }
    return this.value;
  }

  getResult(): number | null {
    return this.value;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
