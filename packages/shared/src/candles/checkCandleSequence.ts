import { INTERVAL_MS, type Candle, type Interval } from './Candle';
import { CandleValidationError } from './CandleValidationError';

/**
 * Checks that candles sit on the interval's grid and strictly increase in time. Gaps (a step of
 * several intervals) are allowed here; what happens to them is the gap policy's decision
 * (see applyGapPolicy). Duplicates, out-of-order rows and off-grid timestamps are errors: nothing
 * is silently reordered or dropped.
 */
export function checkCandleSequence(candles: readonly Candle[], interval: Interval): void {
  const step = INTERVAL_MS[interval];
  for (let i = 0; i < candles.length; i++) {
    const { time } = candles[i];
    if (time % step !== 0) {
      throw new CandleValidationError(i + 1, 'timestamp', `must be aligned to the ${interval} grid`, new Date(time).toISOString());
    }
    if (i === 0) continue;
    const previous = candles[i - 1].time;
    if (time === previous) {
      throw new CandleValidationError(i + 1, 'timestamp', `duplicates row ${i}`, new Date(time).toISOString());
    }
    if (time < previous) {
      throw new CandleValidationError(
        i + 1,
        'timestamp',
        `must be after row ${i} (${new Date(previous).toISOString()}): rows must be in ascending time order`,
        new Date(time).toISOString(),
      );
    }
  }
}
