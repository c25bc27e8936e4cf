import { describe, expect, it } from 'vitest';
import { CandleValidationError } from './CandleValidationError';
import { parseCandlesCsv } from './parseCandlesCsv';

const HEADER = 'timestamp,open,high,low,close,volume';

describe('parseCandlesCsv', () => {
  it('reads the documented header layout with ISO-8601 timestamps', () => {
    const candles = parseCandlesCsv(`${HEADER}\n2023-03-01T00:00:00Z,10,12,9,11,5\n2023-03-01T00:01:00Z,11,11.5,10.5,11,0\n`);
    expect(candles).toEqual([
      { time: Date.UTC(2023, 2, 1, 0, 0), open: 10, high: 12, low: 9, close: 11, volume: 5 },
      { time: Date.UTC(2023, 2, 1, 0, 1), open: 11, high: 11.5, low: 10.5, close: 11, volume: 0 },
    ]);
  });

  it('reads unix seconds, milliseconds and microseconds as the same instant', () => {
    const t = Date.UTC(2023, 2, 1, 0, 0);
    for (const stamp of [t / 1000, t, t * 1000]) {
      expect(parseCandlesCsv(`${HEADER}\n${stamp},1,1,1,1,1`)[0].time).toBe(t);
    }
  });

  it('reads ISO timestamps without an offset as UTC, not local time', () => {
    expect(parseCandlesCsv(`${HEADER}\n2023-03-01 00:05:00,1,1,1,1,1`)[0].time).toBe(Date.UTC(2023, 2, 1, 0, 5));
  });

  it('accepts column aliases in any order and ignores extra columns', () => {
    const candles = parseCandlesCsv('Volume,Close,Low,High,Open,Time,trades\n3,2,1,2.5,1.5,1677628800000,17');
    expect(candles[0]).toEqual({ time: 1677628800000, open: 1.5, high: 2.5, low: 1, close: 2, volume: 3 });
  });

  it('reads the Binance kline layout (no header, twelve columns)', () => {
    const kline = '1677628800000,23140.48,23150.77,23128.52,23142.31,2.13,1677628859999,49331.2,97,1.02,23612.9,0';
    expect(parseCandlesCsv(kline)).toEqual([{ time: 1677628800000, open: 23140.48, high: 23150.77, low: 23128.52, close: 23142.31, volume: 2.13 }]);
  });

  it.each([
    ['2023-03-01T00:00:00Z,abc,2,1,1,1', 'open', 'must be a finite number'],
    ['2023-03-01T00:00:00Z,-1,2,1,1,1', 'open', 'must be > 0'],
    ['2023-03-01T00:00:00Z,1,2,1,0,1', 'close', 'must be > 0'],
    ['2023-03-01T00:00:00Z,1,1.5,1,2,1', 'high', 'must be >= max(open, close) = 2'],
    ['2023-03-01T00:00:00Z,1,2,1.2,1.5,1', 'low', 'must be <= min(open, close) = 1'],
    ['2023-03-01T00:00:00Z,1,2,1,1,-3', 'volume', 'must be >= 0'],
    ['2023-03-01T00:00:00Z,1,2,1,1,NaN', 'volume', 'must be a finite number'],
    ['yesterday,1,2,1,1,1', 'timestamp', 'must be ISO-8601'],
  ])('rejects %s naming field %s', (line, field, rule) => {
    const text = `${HEADER}\n2023-02-28T23:59:00Z,1,1,1,1,1\n${line}`;
    expect(() => parseCandlesCsv(text)).toThrow(CandleValidationError);
    try {
      parseCandlesCsv(text);
    } catch (error) {
      const e = error as CandleValidationError;
      expect(e.row).toBe(2);
      expect(e.field).toBe(field);
      expect(e.message).toContain(`row 2: field "${field}" ${rule}`);
    }
  });

  it('rejects duplicate, out-of-order and off-grid timestamps instead of fixing them', () => {
    const dup = `${HEADER}\n2023-03-01T00:00:00Z,1,1,1,1,1\n2023-03-01T00:00:00Z,1,1,1,1,1`;
    expect(() => parseCandlesCsv(dup)).toThrow('row 2: field "timestamp" duplicates row 1');
    const back = `${HEADER}\n2023-03-01T00:01:00Z,1,1,1,1,1\n2023-03-01T00:00:00Z,1,1,1,1,1`;
    expect(() => parseCandlesCsv(back)).toThrow(/row 2: field "timestamp" must be after row 1/);
    const offGrid = `${HEADER}\n2023-03-01T00:00:30Z,1,1,1,1,1`;
    expect(() => parseCandlesCsv(offGrid)).toThrow('row 1: field "timestamp" must be aligned to the 1m grid');
  });

  it('names a missing header column and an empty file', () => {
    expect(() => parseCandlesCsv('timestamp,open,high,low,close\n1,1,1,1,1')).toThrow(/field "volume" column is missing/);
    expect(() => parseCandlesCsv('\n\n')).toThrow(/has no candles/);
    expect(() => parseCandlesCsv(`${HEADER}\n`)).toThrow(/has no candles/);
  });

  it('rejects a short row', () => {
    expect(() => parseCandlesCsv(`${HEADER}\n2023-03-01T00:00:00Z,1,1,1`)).toThrow(/row 1: field "row" must have at least 6 columns/);
  });
});
