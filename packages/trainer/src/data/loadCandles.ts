import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { CandlecastError, generateCandles, parseCandlesCsv, parseCandlesJson, type Candle, type Interval } from '@candlecast/shared';

/** Where candles come from: a CSV/JSON file, or the seeded synthetic market (the embedded default). */
export interface CandleSource {
  /** Path to a .csv or .json file; absent means generated candles. */
  data?: string;
  /** Generated candles: how many and which seed. */
  synthetic?: { count: number; seed: number };
  interval?: Interval;
}

/** Loads and validates candles from a file, or generates them. File errors name the path. */
export function loadCandles(source: CandleSource): { candles: Candle[]; description: string } {
  const interval = source.interval ?? '1m';
  if (!source.data) {
    const { count, seed } = source.synthetic ?? { count: 20_000, seed: 7 };
    return { candles: generateCandles({ count, seed, interval }), description: `synthetic market (${count} candles, seed ${seed})` };
  }
  let text: string;
  try {
    text = readFileSync(source.data, 'utf8');
  } catch (error) {
    throw new CandlecastError('data_not_found', `cannot read candles from ${source.data}: ${(error as Error).message}`);
  }
  try {
    const candles = extname(source.data).toLowerCase() === '.json' ? parseCandlesJson(JSON.parse(text), interval) : parseCandlesCsv(text, interval);
    return { candles, description: source.data };
  } catch (error) {
    if (error instanceof CandlecastError) throw new CandlecastError(error.code, `${source.data}: ${error.message}`);
    if (error instanceof SyntaxError) throw new CandlecastError('invalid_json', `${source.data}: not valid JSON (${error.message})`);
    throw error;
  }
}
