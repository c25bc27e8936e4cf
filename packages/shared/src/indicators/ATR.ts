import type { Candle } from '../candles/Candle';
import type { StreamingIndicator } from './StreamingIndicator';

/** True range: max(high - low, |high - previous close|, |low - previous close|); high - low for the first candle. */
export function trueRange(candle: Candle, previousClose: number | null): number {
  const range = candle.high - candle.low;
  if (previousClose === null) return range;
  return Math.max(range, Math.abs(candle.high - previousClose), Math.abs(candle.low - previousClose));
}

/**
 * Average True Range with Wilder's smoothing, in price units. First value after `interval` candles.
 *
 * The smoothing is WilderMA's arithmetic written out inline, and the true range trueRange's: a
 * double passed to or returned from a call V8 does not inline is boxed (see ADX).
 */
export class ATR implements StreamingIndicator<Candle> {
  /** ATR after the last update; NaN while warming up. Written only by update. */
  value = Number.NaN;
  // Double fields start as non-integer doubles so V8 gives them the Double representation at once.
  private previousClose = Number.NaN;
  /** Sum of the first `interval` true ranges, which seeds the average. */
  private seedSum = Number.NaN;
  private seen = 0;

  constructor(readonly interval = 14) {
    this.reset();
  }

  /** Feeds one candle without allocating; read `value`. */
  update(candle: Candle): void {
    const interval = this.interval;
    const range = candle.high - candle.low;
    let tr = range;
    if (this.seen > 0) {
      const previousClose = this.previousClose;
      tr = Math.max(range, Math.abs(candle.high - previousClose), Math.abs(candle.low - previousClose));
    }
    this.previousClose = candle.close;
    const count = ++this.seen;
    if (count > interval) {
      this.value += (tr - this.value) / interval;
    } else {
      this.seedSum += tr;
      if (count === interval) this.value = this.seedSum / interval;
    }
  }

  get isReady(): boolean {
    return this.seen >= this.interval;
  }

  reset(): void {
    this.value = Number.NaN;
    this.previousClose = Number.NaN;
    this.seedSum = 0;
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
    return this.interval;
  }
}
