import type { Candle } from '../candles/Candle';
import type { Dataset } from '../windows/buildDataset';

/** A hand-made dataset holding only what the baselines read: candles, window ends, labels. */
export function closesDataset(closes: readonly number[], ends: readonly number[], labels: readonly number[]): Dataset {
  const candles: Candle[] = closes.map((close, i) => ({ time: i * 60_000, open: close, high: close, low: close, close, volume: 1 }));
  return { candles, ends: Int32Array.from(ends), labels: Int8Array.from(labels) } as unknown as Dataset;
}
