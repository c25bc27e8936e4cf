import type { Candle } from '../candles/Candle';
import type { StreamingIndicator } from './StreamingIndicator';
import { WilderMA } from './WilderMA';

/** True range: max(high - low, |high - previous close|, |low - previous close|); high - low for the first candle. */
export function trueRange(candle: Candle, previousClose: number | null): number {
  const range = candle.high - candle.low;
  if (previousClose === null) return range;
  return Math.max(range, Math.abs(candle.high - previousClose), Math.abs(candle.low - previousClose));
}

/** Average True Range with Wilder's smoothing, in price units. First value after `interval` candles. */
export class ATR implements StreamingIndicator<Candle> {
  /** ATR after the last update; NaN while warming up. Written only by update. */
  value = Number.NaN;
  private readonly smoothing: WilderMA;
  private previousClose = Number.NaN;
  private seen = 0;

  constructor(readonly interval = 14) {
    this.smoothing = new WilderMA(interval);
  }

  /** Feeds one candle without allocating; read `value`. */
  update(candle: Candle): void {
    // Not trueRange(candle, seen ? previousClose : null): a phi of null and a double boxes the double.
    if (this.seen === 0) this.smoothing.update(trueRange(candle, null));
    else this.smoothing.update(trueRange(candle, this.previousClose));
    this.previousClose = candle.close;
    this.seen++;
    this.value = this.smoothing.value;
  }

  get isReady(): boolean {
    return this.smoothing.isReady;
  }

  reset(): void {
    this.value = Number.NaN;
    this.previousClose = Number.NaN;
    this.seen = 0;
    this.smoothing.reset();
  }

  add(candle: Candle): number | null {
    this.update(candle);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
