import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Exponential moving average with smoothing 2 / (interval + 1), seeded with the first value (the
 * trading-signals convention). Reported once `interval` values were seen, when the seed's weight
 * has decayed.
 */
export class EMA implements StreamingIndicator<number> {
  private readonly alpha: number;
  private value: number | null = null;
  private count = 0;

  constructor(readonly interval: number) {
    this.alpha = 2 / (interval + 1);
  }

  add(input: number): number | null {
    this.value = this.value === null ? input : input * this.alpha + this.value * (1 - this.alpha);
    this.count++;
    return this.getResult();
  }

  getResult(): number | null {
    return this.count >= this.interval ? this.value : null;
  }

  /** The running value even before warm-up (MACD's signal line starts from the first MACD value). */
  getRawValue(): number | null {
    return this.value;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
