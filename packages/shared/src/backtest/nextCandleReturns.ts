import type { Candle } from '../candles/Candle';
import { CandlecastError } from '../errors/CandlecastError';

/**
 * The realised return of holding from close[t] to close[t + 1] for each signal row t:
 * `close[t + 1] / close[t] - 1` (a fraction; 0 on a flat next candle). `rows` are indices into
 * `candles`, e.g. a Dataset's `ends` for the samples scored.
 */
export function nextCandleReturns(candles: readonly Candle[], rows: ArrayLike<number>): Float64Array {
  const returns = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i];
    if (!(t >= 0 && t + 1 < candles.length)) {
      throw new CandlecastError('invalid_backtest_input', `row ${t} has no next candle (there are ${candles.length} candles)`);
    }
    returns[i] = candles[t + 1].close / candles[t].close - 1;
  }
  return returns;
}
