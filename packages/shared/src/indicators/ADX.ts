import type { Candle } from '../candles/Candle';
import { ATR } from './ATR';
import type { StreamingIndicator } from './StreamingIndicator';
import { WilderMA } from './WilderMA';

/**
 * Average Directional Index (trend strength, 0-100, direction-free): directional movements and ATR
 * smoothed with Wilder's method give +DI and -DI, DX = 100 |+DI - -DI| / (+DI + -DI) (0 when both
 * are 0), and ADX is DX smoothed again. First value after 2 x interval - 1 candles.
 */
export class ADX implements StreamingIndicator<Candle> {
  /** ADX after the last update; NaN while warming up. Written only by update. */
  value = Number.NaN;
  private readonly atr: ATR;
  private readonly plusMoves: WilderMA;
  private readonly minusMoves: WilderMA;
  private readonly smoothing: WilderMA;
  private previousHigh = Number.NaN;
  private previousLow = Number.NaN;
  private seen = 0;

  constructor(readonly interval = 14) {
    this.atr = new ATR(interval);
    this.plusMoves = new WilderMA(interval);
    this.minusMoves = new WilderMA(interval);
    this.smoothing = new WilderMA(interval);
  }

  /** Feeds one candle without allocating; read `value`. */
  update(candle: Candle): void {
    let plus = 0;
    let minus = 0;
    if (this.seen > 0) {
      const up = candle.high - this.previousHigh;
      const down = this.previousLow - candle.low;
      // Ties count for both sides, as in trading-signals (the reference these values are tested against).
      plus = up < 0 || up < down ? 0 : up;
      minus = down < 0 || down < up ? 0 : down;
    }
    this.previousHigh = candle.high;
    this.previousLow = candle.low;
    this.seen++;
    this.atr.update(candle);
    this.plusMoves.update(plus);
    this.minusMoves.update(minus);
    if (!this.atr.isReady) return;
    const atr = this.atr.value;
    const plusDi = atr === 0 ? 0 : this.plusMoves.value / atr;
    const minusDi = atr === 0 ? 0 : this.minusMoves.value / atr;
    const sum = plusDi + minusDi;
    this.smoothing.update(sum === 0 ? 0 : (100 * Math.abs(plusDi - minusDi)) / sum);
    this.value = this.smoothing.value;
  }

  get isReady(): boolean {
    return this.smoothing.isReady;
  }

  reset(): void {
    this.value = Number.NaN;
    this.previousHigh = Number.NaN;
    this.previousLow = Number.NaN;
    this.seen = 0;
    this.atr.reset();
    this.plusMoves.reset();
    this.minusMoves.reset();
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
    return 2 * this.interval - 1;
  }
}
