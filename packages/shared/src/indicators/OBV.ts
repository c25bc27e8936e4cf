import type { Candle } from '../candles/Candle';
import type { StreamingIndicator } from './StreamingIndicator';

/**
 * On-Balance Volume: a running sum that adds the candle's volume when the close rose, subtracts it
 * when it fell. Its level depends on where the stream started, so features use its changes only.
 */
export class OBV implements StreamingIndicator<Candle> {
  /** OBV after the last update; NaN for the first candle. Written only by update. */
  value = Number.NaN;
  private previousClose = Number.NaN;
  private total = 0;
  private seen = 0;

  /** Feeds one candle without allocating; read `value`. */
  update(candle: Candle): void {
    if (this.seen > 0) {
      if (candle.close > this.previousClose) this.total += candle.volume;
      else if (candle.close < this.previousClose) this.total -= candle.volume;
      this.value = this.total;
    }
    this.previousClose = candle.close;
    this.seen++;
  }

  get isReady(): boolean {
    return this.seen >= 2;
  }

  reset(): void {
    this.value = Number.NaN;
    this.previousClose = Number.NaN;
    this.total = 0;
    this.seen = 0;
  }

  add(candle: Candle): number | null {
    this.update(candle);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  getRequiredInputs(): number {
    return 2;
  }
}
