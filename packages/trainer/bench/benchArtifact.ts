import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import {
  buildDataset,
  chronologicalSplit,
  DEFAULT_FEATURE_SPEC,
  fitNormalisation,
  generateCandles,
  normaliseRows,
  parseCandlesCsv,
  readPackedArtifact,
  rowsCoveredBy,
  type Candle,
  type LoadedArtifact,
  type PackedArtifact,
} from '@candlecast/shared';
import { buildArtifact, candleTail, type ArtifactMember } from '../src/artifact/buildArtifact';
import { exportMember } from '../src/artifact/exportMember';
import { hashCandles } from '../src/artifact/trainingFacts';
import { selectBackend } from '../src/backend/selectBackend';
import { writeArtifactDirectory } from '../src/stores/artifactDirectory';
import { DeepTrainedModel } from '../src/training/DeepTrainedModel';
import { resolveModels } from '../src/training/trainers';
import { TreeModel } from '../src/trees/TreeModel';
import { benchDataPath } from './benchData';

/** The artifact the edge benchmarks serve, with what it was built from. */
export interface BenchArtifact {
  packed: PackedArtifact;
  /** Verified and decoded, as the edge holds it. */
  loaded: LoadedArtifact;
  /** The trained (fp32) tfjs LSTM the artifact's `lstm` member was exported from; never disposed. */
  tfjsLstm: tf.LayersModel;
  /** Candle tails of exactly `minCandles` each, ending at evenly spaced test samples (oldest first). */
  tails: Candle[][];
  /** Where the candles came from. */
  data: string;
  /** Wall time of training the three members and building the artifact, seconds. */
  buildSeconds: number;
  /** Sizes that make the kernel cost what it is. */
  shape: { rfTrees: number; rfNodes: number; gbdtTrees: number; gbdtNodes: number; blobBytes: number; precision: string };
}

let built: Promise<BenchArtifact> | undefined;

/**
 * Trains rf, gbdt and the reference LSTM and builds an artifact exactly as `candlecast train`
 * does (buildArtifact + exportMember: ensemble, calibration, int8 gate), once per process. Sizes
 * are the defaults that decide inference cost: LSTM [60, 20] -> 128 -> 64 -> dense 32 -> 2, a
 * 200-tree forest, boosting up to 300 rounds with early stopping. Only the LSTM's training is cut
 * short (1 epoch of 1024 samples): its weights' values do not change its cost, the trees' sizes do,
 * so the trees train in full on the BTCUSDT set (or a generated market of the same size).
 */
export function benchArtifact(): Promise<BenchArtifact> {
  built ??= build();
  return built;
}

/**
 * Writes the bench artifact as an artifact directory (what `candlecast publish` reads) and returns
 * its path; $CANDLECAST_BENCH_ARTIFACT_DIR names an existing one instead (e.g. a `candlecast train`
 * output's artifact/ folder), which skips the build for the memory and http benchmarks.
 */
export async function benchArtifactDirectory(): Promise<string> {
  if (process.env.CANDLECAST_BENCH_ARTIFACT_DIR) return process.env.CANDLECAST_BENCH_ARTIFACT_DIR;
  const { packed } = await benchArtifact();
  const dir = join(tmpdir(), `candlecast-bench-artifact-${packed.version.slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  await writeArtifactDirectory(dir, packed);
  return dir;
}

async function build(): Promise<BenchArtifact> {
  const started = performance.now();
  await selectBackend('auto');
  const path = benchDataPath();
  const candles = path ? parseCandlesCsv(readFileSync(path, 'utf8')) : generateCandles({ count: 30_240, seed: 1 });
  const windowLength = 60;
  const dataset = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength, gapPolicy: 'fill' });
  const split = chronologicalSplit(dataset.ends, { train: 0.6, validation: 0.2, test: 0.2 }, { windowLength });
  const normalisation = fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(split.train.map((i) => dataset.ends[i]), windowLength));
  normaliseRows(dataset.features, normalisation);
  const config = { training: { epochs: 1, samplesPerEpoch: 1024 } };
  const members: ArtifactMember[] = [];
  let tfjsLstm: tf.LayersModel | undefined;
  const trees: Record<string, { trees: number; nodes: number }> = {};
  for (const trainer of resolveModels(['rf', 'gbdt', 'lstm'])) {
    const trained = await trainer.train({ dataset, train: split.train, validation: split.validation, seed: 1 }, { config });
    const validation = await trained.predict(dataset, split.validation);
    const test = await trained.predict(dataset, split.test);
    members.push({ name: trainer.name, export: exportMember(trained), validation, test });
    if (trained instanceof TreeModel) trees[trained.name] = { trees: trained.ensemble.roots.length, nodes: trained.ensemble.feature.length };
    if (trained instanceof DeepTrainedModel) tfjsLstm = trained.model;
    else trained.dispose();
  }
  const result = await buildArtifact({
    dataset,
    normalisation,
    split,
    members,
    abstainTarget: { kind: 'coverage', value: 0.5 },
    training: { dataHash: hashCandles(candles), from: new Date(candles[0].time).toISOString(), to: new Date(candles[candles.length - 1].time).toISOString(), candles: candles.length },
    trainerCommit: 'bench',
    // The int8 gate on 500 test windows instead of 3000: the gate's verdict is not what is measured.
    checkWindows: 500,
  });
  const packed = result.packed;
  const loaded = await readPackedArtifact(packed);
  const minCandles = packed.manifest.minCandles;
  const tails = Array.from({ length: 64 }, (_, k) => candleTail(dataset, split.test[Math.floor((k * split.test.length) / 64)], minCandles));
  return {
    packed,
    loaded,
    tfjsLstm: tfjsLstm!,
    tails,
    data: path ? 'BTCUSDT (../shared/data)' : 'synthetic, 30240 candles (BTCUSDT set not found)',
    buildSeconds: (performance.now() - started) / 1000,
    shape: {
      rfTrees: trees.rf.trees,
      rfNodes: trees.rf.nodes,
      gbdtTrees: trees.gbdt.trees,
      gbdtNodes: trees.gbdt.nodes,
      blobBytes: [...packed.blobs.values()].reduce((sum, blob) => sum + blob.byteLength, 0),
      precision: result.serving.precision,
    },
  };
}
