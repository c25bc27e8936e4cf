import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Candle } from '@candlecast/shared';

/**
 * report.data.hash: sha256 hex of the candle file's bytes, or of the generated candles as JSON when
 * there is no file, so two reports can be checked to come from the same data.
 */
export function dataFingerprint(file: string | undefined, candles: readonly Candle[]): string {
  const hash = createHash('sha256');
  return (file ? hash.update(readFileSync(file)) : hash.update(JSON.stringify(candles))).digest('hex');
}
