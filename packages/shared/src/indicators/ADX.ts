import type { Candle } from '../candles/Candle';
import type { StreamingIndicator } from './StreamingIndicator';

/**
 * Average Directional Index (trend strength, 0-100, direction-free): directional movements and ATR
 * smoothed with Wilder's method give +DI and -DI, DX = 100 |+DI - -DI| / (+DI + -DI) (0 when both
 * are 0), and ADX is DX smoothed again. First value after 2 x interval - 1 candles.
 *
 * The four Wilder smoothings (ATR, +DM, -DM, DX) are written out inline instead of delegating to
 * ATR and WilderMA objects: a double passed to, or returned from, a call V8 does not inline is
 * boxed, and whether V8 inlines those calls here depends on what else the process ran (a fresh
 * edge-like process allocated a HeapNumber per candle). The arithmetic is exactly WilderMA's and
 * trueRange's, operation for operation, so the values are bit-identical.
 */
export class ADX implements StreamingIndicator<Candle> {
  /** ADX after the last update; NaN while warming up. Written only by update. */
  value = Number.NaN;
  // Every double field starts as a non-integer double so V8 gives it the Double representation
  // from construction on (a field born as Smi 0 changes representation later and deopts).
  private previousHigh = Number.NaN;
  private previousLow = Number.NaN;
  private previousClose = Number.NaN;
  /** Wilder averages (NaN until seeded) and the sums that seed them. */
  private atr = Number.NaN;
  private atrSeed = Number.NaN;
  private plusAverage = Number.NaN;
  private plusSeed = Number.NaN;
  private minusAverage = Number.NaN;
  private minusSeed = Number.NaN;
  private dxAverage = Number.NaN;
  private dxSeed = Number.NaN;
  /** Candles seen, and DX values seen. */
  private seen = 0;
  private dxCount = 0;

  constructor(readonly interval = 14) {
    this.reset();
  }

  /** Feeds one candle without allocating; read `value`. */
  update(candle: Candle): void {
    const interval = this.interval;
    const high = candle.high;
    const low = candle.low;
    let plus = 0;
    let minus = 0;
    // True range: high - low for the first candle (see trueRange in ATR.ts).
    const range = high - low;
    let trueRange = range;
    if (this.seen > 0) {
      const up = high - this.previousHigh;
      const down = this.previousLow - low;
      // Ties count for both sides, as in trading-signals (the reference these values are tested against).
      plus = up < 0 || up < down ? 0 : up;
      minus = down < 0 || down < up ? 0 : down;
      const previousClose = this.previousClose;
      trueRange = Math.max(range, Math.abs(high - previousClose), Math.abs(low - previousClose));
    }
    this.previousHigh = high;
    this.previousLow = low;
    this.previousClose = candle.close;
    const count = ++this.seen;
    // WilderMA.update for ATR, +DM and -DM, which all count candles.
    if (count > interval) {
      this.atr += (trueRange - this.atr) / interval;
      this.plusAverage += (plus - this.plusAverage) / interval;
      this.minusAverage += (minus - this.minusAverage) / interval;
    } else {
      this.atrSeed += trueRange;
      this.plusSeed += plus;
      this.minusSeed += minus;
      if (count === interval) {
        this.atr = this.atrSeed / interval;
        this.plusAverage = this.plusSeed / interval;
        this.minusAverage = this.minusSeed / interval;
      }
    }
    if (count < interval) return;
    const atr = this.atr;
    const plusDi = atr === 0 ? 0 : this.plusAverage / atr;
    const minusDi = atr === 0 ? 0 : this.minusAverage / atr;
    const sum = plusDi + minusDi;
    const dx = sum === 0 ? 0 : (100 * Math.abs(plusDi - minusDi)) / sum;
    // WilderMA.update for DX.
    const dxCount = ++this.dxCount;
    if (dxCount > interval) {
      this.dxAverage += (dx - this.dxAverage) / interval;
    } else {
      this.dxSeed += dx;
      if (dxCount === interval) this.dxAverage = this.dxSeed / interval;
    }
    this.value = this.dxAverage;
  }

  get isReady(): boolean {
    return this.dxCount >= this.interval;
  }

  reset(): void {
    this.value = Number.NaN;
    this.previousHigh = Number.NaN;
    this.previousLow = Number.NaN;
    this.previousClose = Number.NaN;
    this.atr = Number.NaN;
    this.atrSeed = 0;
    this.plusAverage = Number.NaN;
    this.plusSeed = 0;
    this.minusAverage = Number.NaN;
    this.minusSeed = 0;
    this.dxAverage = Number.NaN;
    this.dxSeed = 0;
    this.seen = 0;
    this.dxCount = 0;
  }

  add(candle: Candle): number | null {
    this.update(candle);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  getRequiredInputs(): number {
    return 2 * this.interval - 1;
  }
}
