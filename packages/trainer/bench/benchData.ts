import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The candle file benchmarks run on: $CANDLECAST_BENCH_DATA, else the BTCUSDT set in ../shared/data
 * next to the repository (present on the project's dev machines, never committed), else none (the
 * benchmark then generates a market of the same size and says so).
 */
export function benchDataPath(): string | undefined {
  const candidates = [process.env.CANDLECAST_BENCH_DATA, resolve(import.meta.dirname, '../../../../shared/data/binanceus_BTCUSDT_1m_20230301-20230321.csv')];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `warmUp` times untimed, then `runs` times timed; returns the median in milliseconds. */
export async function timeMedian(fn: () => unknown, runs: number, warmUp = 1): Promise<number> {
  for (let i = 0; i < warmUp; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}
