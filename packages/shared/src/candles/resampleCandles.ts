import { CandlecastError } from '../errors/CandlecastError';
import { INTERVAL_MS, type Candle, type Interval } from './Candle';

export interface ResampleOptions {
  /**
   * Drop buckets that are missing some of their source candles (for example the still-forming last
   * 5-minute candle). Default false: every bucket is kept, complete or not.
   */
  dropIncomplete?: boolean;
}

/**
 * Aggregates candles to a longer interval, aligned to that interval's UTC boundaries (a 5m candle
 * opens at :00, :05, ...): open of the first, max high, min low, close of the last, summed volume.
 * A bucket's candle is stamped with the bucket's open time, so it is only known once the bucket's
 * last source candle has closed: multi-timeframe features must use the previous complete bucket.
 */
export function resampleCandles(candles: readonly Candle[], from: Interval, to: Interval, options: ResampleOptions = {}): Candle[] {
  const source = INTERVAL_MS[from];
  const target = INTERVAL_MS[to];
  if (target <= source || target % source !== 0) {
    throw new CandlecastError('invalid_interval', `cannot resample ${from} to ${to}: the target must be a whole multiple of the source`);
  }
  const perBucket = target / source;
  const out: Candle[] = [];
  let bucket: Candle | null = null;
  let count = 0;
  const flush = () => {
    if (bucket && (!options.dropIncomplete || count === perBucket)) out.push(bucket);
  };
  for (const candle of candles) {
    const start = Math.floor(candle.time / target) * target;
    if (bucket === null || bucket.time !== start) {
      flush();
      bucket = { ...candle, time: start };
      count = 1;
      continue;
    }
    bucket.high = Math.max(bucket.high, candle.high);
    bucket.low = Math.min(bucket.low, candle.low);
    bucket.close = candle.close;
    bucket.volume += candle.volume;
    count++;
  }
  flush();
  return out;
}
