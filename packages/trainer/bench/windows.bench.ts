import { readFileSync } from 'node:fs';
import { buildDataset, chronologicalSplit, DEFAULT_FEATURE_SPEC, fitNormalisation, generateCandles, materializeWindows, normaliseRows, parseCandlesCsv, rowsCoveredBy } from '@candlecast/shared';
import { benchDataPath, timeMedian } from './benchData';

/**
 * Candles -> normalised [samples, 60, 20] windows on the BTCUSDT set: time of each stage (median of
 * 5 after a warm-up) and the memory the dense tensor costs against its own size.
 */
export async function benchWindows(): Promise<Record<string, number | string>> {
  const path = benchDataPath();
  const text = path ? readFileSync(path, 'utf8') : undefined;
  const load = () => (text ? parseCandlesCsv(text) : generateCandles({ count: 30_240, seed: 1 }));
  const candles = load();
  const windowLength = 60;
  const pipeline = () => {
    const dataset = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength, gapPolicy: 'fill' });
    const split = chronologicalSplit(dataset.ends, undefined, { windowLength });
    const stats = fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(split.train.map((i) => dataset.ends[i]), windowLength));
    normaliseRows(dataset.features, stats);
    return dataset;
  };
  const parseMs = await timeMedian(load, 5);
  const featuresMs = await timeMedian(pipeline, 5);
  const dataset = pipeline();
  const materializeMs = await timeMedian(() => materializeWindows(dataset.features, dataset.featureCount, windowLength, dataset.ends), 5);

  // Let V8 free the timed runs' tensors (ArrayBuffer memory is swept concurrently after a GC).
  globalThis.gc?.();
  await new Promise((done) => setTimeout(done, 100));
  const before = process.memoryUsage();
  const tensor = materializeWindows(dataset.features, dataset.featureCount, windowLength, dataset.ends);
  const after = process.memoryUsage();
  const tensorMiB = tensor.byteLength / 2 ** 20;
  return {
    data: path ? 'BTCUSDT (../shared/data)' : 'synthetic, 30240 candles (BTCUSDT set not found)',
    candles: candles.length,
    samples: dataset.ends.length,
    parseMs: round(parseMs),
    featuresAndLabelsMs: round(featuresMs),
    materializeMs: round(materializeMs),
    totalMs: round(parseMs + featuresMs + materializeMs),
    tensorMiB: round(tensorMiB),
    materializeMemoryMiB: round((after.arrayBuffers - before.arrayBuffers) / 2 ** 20),
    memoryOverTensor: round((after.arrayBuffers - before.arrayBuffers) / tensor.byteLength),
    rowMatrixMiB: round(dataset.features.byteLength / 2 ** 20),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
