/**
 * One OHLCV candle. `time` is the candle's open time in Unix epoch milliseconds (UTC); prices are in
 * quote currency, `volume` in base currency.
 */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Candle intervals candlecast understands, and their length in milliseconds. */
export const INTERVAL_MS = {
  '1m': 60_000,
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
} as const;

export type Interval = keyof typeof INTERVAL_MS;

export function isInterval(value: string): value is Interval {
  return Object.prototype.hasOwnProperty.call(INTERVAL_MS, value);
}
