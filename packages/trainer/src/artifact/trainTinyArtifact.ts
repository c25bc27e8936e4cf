import { buildDataset, chronologicalSplit, DEFAULT_FEATURE_SPEC, fitNormalisation, generateCandles, normaliseRows, rowsCoveredBy, type Candle, type PackedArtifact } from '@candlecast/shared';
import { resolveModels } from '../training/trainers';
import { buildArtifact, candleTail, type ArtifactMember } from './buildArtifact';
import { exportMember } from './exportMember';
import { hashCandles } from './trainingFacts';

/** A small artifact really trained end to end, plus what the trainer predicted for a few candle tails. */
export interface TinyArtifact {
  packed: PackedArtifact;
  /** Candle tails (exactly minCandles each) and each member's p(BUY) for them, as the trainer computed it. */
  cases: { candles: Candle[]; trainer: Record<string, number> }[];
}

/**
 * Trains rf, gbdt and a small LSTM on a seeded synthetic market and builds the artifact the way
 * `candlecast train` does (ensemble, calibration, int8 gate, golden vectors). For cross-runtime
 * tests: the edge must reproduce these numbers from the raw candles.
 */
export async function trainTinyArtifact(options: { candles?: number; seed?: number; windowLength?: number } = {}): Promise<TinyArtifact> {
  const windowLength = options.windowLength ?? 30;
  const candles = generateCandles({ count: options.candles ?? 3000, seed: options.seed ?? 5, bounce: 2 });
  const dataset = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength });
  const split = chronologicalSplit(dataset.ends, { train: 0.6, validation: 0.2, test: 0.2 }, { windowLength });
  const normalisation = fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(split.train.map((i) => dataset.ends[i]), windowLength));
  normaliseRows(dataset.features, normalisation);
  const config = { model: { windowLength, recurrentUnits: [12, 8], denseUnits: 8 }, training: { epochs: 2, samplesPerEpoch: 512, engine: 'tfjs' } };
  const members: ArtifactMember[] = [];
  const picks = [0, Math.floor(split.test.length / 3), split.test.length - 1];
  const trainerPredictions: Record<string, number>[] = picks.map(() => ({}));
  for (const trainer of resolveModels(['rf', 'gbdt', 'lstm'])) {
    const trained = await trainer.train({ dataset, train: split.train, validation: split.validation, seed: 1 }, { config, trees: 20, rounds: 20 });
    try {
      const validation = await trained.predict(dataset, split.validation);
      const test = await trained.predict(dataset, split.test);
      picks.forEach((position, k) => (trainerPredictions[k][trainer.name] = test[position]));
      members.push({ name: trainer.name, export: exportMember(trained), validation, test });
    } finally {
      trained.dispose();
    }
  }
  const built = await buildArtifact({
    dataset,
    normalisation,
    split,
    members,
    abstainTarget: { kind: 'coverage', value: 0.5 },
    training: { dataHash: hashCandles(candles), from: new Date(candles[0].time).toISOString(), to: new Date(candles[candles.length - 1].time).toISOString(), candles: candles.length },
    trainerCommit: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const minCandles = built.packed.manifest.minCandles;
  return {
    packed: built.packed,
    cases: picks.map((position, k) => ({ candles: candleTail(dataset, split.test[position], minCandles), trainer: trainerPredictions[k] })),
  };
}
