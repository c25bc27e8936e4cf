import type { Candle, Interval } from './Candle';
import { CandleValidationError } from './CandleValidationError';
import { checkCandleSequence } from './checkCandleSequence';
import { toCandle, type RawCandleFields } from './toCandle';

/**
 * Parses candles from already-decoded JSON: an array whose items are either objects
 * (`{ timestamp|time|t|openTime, open|o, high|h, low|l, close|c, volume|v }`) or arrays in the
 * Binance kline layout (`[openTime, open, high, low, close, volume, ...]`). Validates every candle
 * and the sequence; errors name the 1-based row and the field.
 */
export function parseCandlesJson(input: unknown, interval: Interval = '1m'): Candle[] {
  if (!Array.isArray(input)) throw new CandleValidationError(0, 'candles', 'must be an array', input);
  if (input.length === 0) throw new CandleValidationError(0, 'candles', 'must not be empty', input);
  const candles = input.map((item, index) => toCandle(index + 1, rawFields(index + 1, item)));
  checkCandleSequence(candles, interval);
  return candles;
}

function rawFields(row: number, item: unknown): RawCandleFields {
  if (Array.isArray(item)) {
    if (item.length < 6) throw new CandleValidationError(row, 'candle', 'array must be [time, open, high, low, close, volume]', item);
    return { time: item[0], open: item[1], high: item[2], low: item[3], close: item[4], volume: item[5] };
  }
  if (item === null || typeof item !== 'object') {
    throw new CandleValidationError(row, 'candle', 'must be an object or an array', item);
  }
  const record = item as Record<string, unknown>;
  const pick = (...keys: string[]) => {
    for (const key of keys) if (record[key] !== undefined) return record[key];
    return undefined;
  };
  return {
    time: pick('timestamp', 'time', 't', 'openTime'),
    open: pick('open', 'o'),
    high: pick('high', 'h'),
    low: pick('low', 'l'),
    close: pick('close', 'c'),
    volume: pick('volume', 'v'),
  };
}
