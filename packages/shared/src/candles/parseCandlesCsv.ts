import type { Candle, Interval } from './Candle';
import { CandleValidationError } from './CandleValidationError';
import { checkCandleSequence } from './checkCandleSequence';
import { toCandle } from './toCandle';

const COLUMN_ALIASES: Record<keyof Candle, readonly string[]> = {
  time: ['timestamp', 'time', 'date', 'datetime', 'open_time', 'opentime', 'open time', 't'],
  open: ['open', 'o'],
  high: ['high', 'h'],
  low: ['low', 'l'],
  close: ['close', 'c'],
  volume: ['volume', 'vol', 'v'],
};

/**
 * Parses OHLCV candles from CSV text and validates them (see toCandle and checkCandleSequence).
 *
 * Two layouts are accepted:
 * - a header row naming the columns (`timestamp,open,high,low,close,volume`; common aliases and any
 *   column order; extra columns are ignored);
 * - no header: the Binance kline layout, `openTime,open,high,low,close,volume,closeTime,...`, where
 *   only the first six columns are read.
 */
export function parseCandlesCsv(text: string, interval: Interval = '1m'): Candle[] {
  const lines = text.split(/\r?\n/);
  let lineIndex = 0;
  while (lineIndex < lines.length && lines[lineIndex].trim() === '') lineIndex++;
  if (lineIndex === lines.length) throw new CandleValidationError(0, 'file', 'has no candles', '');

  const first = splitCsvLine(lines[lineIndex]);
  const hasHeader = first.some((cell) => cell !== '' && Number.isNaN(Number(cell)) && !/^\d{4}-\d{2}-\d{2}/.test(cell));
  const columns = hasHeader ? columnsFromHeader(first) : { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 };
  if (hasHeader) lineIndex++;

  const candles: Candle[] = [];
  for (; lineIndex < lines.length; lineIndex++) {
    const line = lines[lineIndex];
    if (line.trim() === '') continue;
    const cells = splitCsvLine(line);
    const row = candles.length + 1;
    const width = Math.max(...Object.values(columns)) + 1;
    if (cells.length < width) {
      throw new CandleValidationError(row, 'row', `must have at least ${width} columns`, line);
    }
    candles.push(
      toCandle(row, {
        time: cells[columns.time],
        open: cells[columns.open],
        high: cells[columns.high],
        low: cells[columns.low],
        close: cells[columns.close],
        volume: cells[columns.volume],
      }),
    );
  }
  if (candles.length === 0) throw new CandleValidationError(0, 'file', 'has no candles', '');
  checkCandleSequence(candles, interval);
  return candles;
}

function columnsFromHeader(header: string[]): Record<keyof Candle, number> {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const columns = {} as Record<keyof Candle, number>;
  for (const field of Object.keys(COLUMN_ALIASES) as (keyof Candle)[]) {
    const index = names.findIndex((name) => COLUMN_ALIASES[field].includes(name));
    if (index < 0) {
      throw new CandleValidationError(0, field, `column is missing from the header (accepted names: ${COLUMN_ALIASES[field].join(', ')})`, header.join(','));
    }
    columns[field] = index;
  }
  return columns;
}

function splitCsvLine(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}
