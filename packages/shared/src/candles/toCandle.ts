import type { Candle } from './Candle';
import { CandleValidationError } from './CandleValidationError';
import { parseTimestamp } from './parseTimestamp';

/** One candle's fields as they arrived (strings from CSV, numbers or strings from JSON). */
export interface RawCandleFields {
  time: unknown;
  open: unknown;
  high: unknown;
  low: unknown;
  close: unknown;
  volume: unknown;
}

/**
 * Turns raw fields into a checked Candle, or throws a CandleValidationError naming the row, the field
 * and the rule. Checks: parseable timestamp; finite, positive prices; finite volume >= 0;
 * high >= max(open, close); low <= min(open, close).
 */
export function toCandle(row: number, raw: RawCandleFields): Candle {
  const time = parseTimestamp(raw.time);
  if (time === null) {
    throw new CandleValidationError(row, 'timestamp', 'must be ISO-8601 or Unix seconds/milliseconds/microseconds', raw.time);
  }
  const open = price(row, 'open', raw.open);
  const high = price(row, 'high', raw.high);
  const low = price(row, 'low', raw.low);
  const close = price(row, 'close', raw.close);
  const volume = toNumber(raw.volume);
  if (volume === null || !Number.isFinite(volume)) {
    throw new CandleValidationError(row, 'volume', 'must be a finite number', raw.volume);
  }
  if (volume < 0) throw new CandleValidationError(row, 'volume', 'must be >= 0', raw.volume);
  if (high < Math.max(open, close)) {
    throw new CandleValidationError(row, 'high', `must be >= max(open, close) = ${Math.max(open, close)}`, high);
  }
  if (low > Math.min(open, close)) {
    throw new CandleValidationError(row, 'low', `must be <= min(open, close) = ${Math.min(open, close)}`, low);
  }
  return { time, open, high, low, close, volume };
}

function price(row: number, field: string, raw: unknown): number {
  const value = toNumber(raw);
  if (value === null || !Number.isFinite(value)) {
    throw new CandleValidationError(row, field, 'must be a finite number', raw);
  }
  if (value <= 0) throw new CandleValidationError(row, field, 'must be > 0', raw);
  return value;
}

function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw.trim() !== '') return Number(raw);
  return null;
}
