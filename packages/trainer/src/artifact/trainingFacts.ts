import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Candle } from '@candlecast/shared';

/** sha256 of the candles themselves (time and OHLCV as float64), so the same data hashes the same from CSV or JSON. */
export function hashCandles(candles: readonly Candle[]): string {
  const values = new Float64Array(candles.length * 6);
  candles.forEach((c, i) => values.set([c.time, c.open, c.high, c.low, c.close, c.volume], i * 6));
  return createHash('sha256').update(new Uint8Array(values.buffer)).digest('hex');
}

/** The commit of the checkout the trainer runs from, or "unknown" outside a git checkout. */
export function trainerCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? `${commit}-dirty` : commit;
  } catch {
    return 'unknown';
  }
}
