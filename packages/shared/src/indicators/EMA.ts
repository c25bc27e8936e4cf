import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Exponential moving average with smoothing 2 / (interval + 1), seeded with the first value (the
 * trading-signals convention). Reported once `interval` values were seen, when the seed's weight
 * has decayed.
 */
export class EMA implements StreamingIndicator<number> {
  /**
   * The running average after the last update, also before warm-up (MACD's signal line starts
   * from the first MACD value); NaN before the first value. Written only by update.
   */
  value = Number.NaN;
  private readonly alpha: number;
  private count = 0;

  constructor(readonly interval: number) {
    this.alpha = 2 / (interval + 1);
  }

  /** Feeds one value without allocating; read `value`. */
  update(input: number): void {
    // Two stores rather than one `?:`: a phi of the raw (tagged) input and a computed double makes
    // V8 box the double on every call.
    if (this.count === 0) this.value = input;
    else this.value = input * this.alpha + this.value * (1 - this.alpha);
    this.count++;
  }

  get isReady(): boolean {
    return this.count >= this.interval;
  }

  reset(): void {
    this.value = Number.NaN;
    this.count = 0;
  }

  add(input: number): number | null {
    this.update(input);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  /** The running value even before warm-up (MACD's signal line starts from the first MACD value). */
  getRawValue(): number | null {
    return this.count > 0 ? this.value : null;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
