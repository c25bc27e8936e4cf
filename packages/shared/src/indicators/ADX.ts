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
  private readonly atr: ATR;
  private readonly plusMoves: WilderMA;
  private readonly minusMoves: WilderMA;
  private readonly smoothing: WilderMA;
  private previous: Candle | null = null;

  constructor(readonly interval = 14) {
    this.atr = new ATR(interval);
    this.plusMoves = new WilderMA(interval);
    this.minusMoves = new WilderMA(interval);
    this.smoothing = new WilderMA(interval);
  }

  add(candle: Candle): number | null {
    let plus = 0;
    let minus = 0;
    if (this.previous !== null) {
      const up = candle.high - this.previous.high;
      const down = this.previous.low - candle.low;
      // Ties count for both sides, as in trading-signals (the reference these values are tested against).
      plus = up < 0 || up < down ? 0 : up;
      minus = down < 0 || down < up ? 0 : down;
    }
    this.previous = candle;
    const atr = this.atr.add(candle);
    const plusMove = this.plusMoves.add(plus);
    const minusMove = this.minusMoves.add(minus);
    if (atr === null || plusMove === null || minusMove === null) return null;
    const plusDi = atr === 0 ? 0 : plusMove / atr;
    const minusDi = atr === 0 ? 0 : minusMove / atr;
    const sum = plusDi + minusDi;
    const dx = sum === 0 ? 0 : (100 * Math.abs(plusDi - minusDi)) / sum;
    return this.smoothing.add(dx);
  }

  getResult(): number | null {
    return this.smoothing.getResult();
  }

  getRequiredInputs(): number {
    return 2 * this.interval - 1;
  }
}
