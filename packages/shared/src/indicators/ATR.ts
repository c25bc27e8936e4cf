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
  private readonly smoothing: WilderMA;
  private previousClose: number | null = null;

  constructor(readonly interval = 14) {
    this.smoothing = new WilderMA(interval);
  }

  add(candle: Candle): number | null {
    const range = trueRange(candle, this.previousClose);
    this.previousClose = candle.close;
    return this.smoothing.add(range);
  }

  getResult(): number | null {
    return this.smoothing.getResult();
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
