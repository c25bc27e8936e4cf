import { readFileSync } from 'node:fs';
import {
  buildDataset,
  createTabularSpec,
  DEFAULT_FEATURE_SPEC,
  fillTabular,
  fitNormalisation,
  generateCandles,
  normaliseRows,
  parseCandlesCsv,
  predictTreeRow,
  rowsCoveredBy,
  serializeTreeEnsemble,
} from '@candlecast/shared';
import { trainGradientBoosting } from '../src/trees/trainGradientBoosting';
import { trainRandomForest } from '../src/trees/trainRandomForest';
import { benchDataPath, timeMedian } from './benchData';

/**
 * Tree training at the size the issue names (every labelled window of the BTCUSDT set as a
 * training row, ~29k x 60 tabular columns): wall time of 200 random-forest trees and of 300
 * boosting rounds (no early stopping), single-threaded, plus tabular-row and per-row inference
 * cost and the serialised size.
 */
export async function benchTrees(): Promise<Record<string, number | string>> {
  const path = benchDataPath();
  const candles = path ? parseCandlesCsv(readFileSync(path, 'utf8')) : generateCandles({ count: 30_240, seed: 1 });
  const dataset = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength: 60, gapPolicy: 'fill' });
  normaliseRows(dataset.features, fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(dataset.ends, 60)));
  const tabular = createTabularSpec(DEFAULT_FEATURE_SPEC);
  const samples = Array.from(dataset.ends, (_, i) => i);
  const labels = Uint8Array.from(dataset.labels);
  const F = tabular.columns.length;
  const x = new Float32Array(samples.length * F);
  const tabularMs = await timeMedian(() => fillTabular(tabular, dataset, samples, x), 5);

  let started = performance.now();
  const forest = trainRandomForest(x, labels, F, { trees: 200 });
  const forestSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const boosted = trainGradientBoosting({ x, labels }, null, F, { rounds: 300 });
  const boostingSeconds = (performance.now() - started) / 1000;

  const perRow = (ensemble: typeof forest.ensemble) => {
    const rows = 2000;
    return timeMedian(() => {
      for (let r = 0; r < rows; r++) predictTreeRow(ensemble, x, r * F);
    }, 5).then((ms) => (1000 * ms) / rows);
  };
  const json = (ensemble: typeof forest.ensemble) => JSON.stringify(serializeTreeEnsemble(ensemble, tabular.hash)).length / 1024;
  return {
    data: path ? 'BTCUSDT (../shared/data)' : 'synthetic, 30240 candles (BTCUSDT set not found)',
    trainingRows: samples.length,
    columns: F,
    tabularFillMs: round(tabularMs),
    rf200TreesSeconds: round(forestSeconds),
    rfNodes: forest.ensemble.feature.length,
    rfPredictMicrosPerRow: round(await perRow(forest.ensemble)),
    rfJsonKiB: round(json(forest.ensemble)),
    gbdt300RoundsSeconds: round(boostingSeconds),
    gbdtNodes: boosted.ensemble.feature.length,
    gbdtPredictMicrosPerRow: round(await perRow(boosted.ensemble)),
    gbdtJsonKiB: round(json(boosted.ensemble)),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
