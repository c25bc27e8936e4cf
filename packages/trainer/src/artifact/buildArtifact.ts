import {
  accuracy,
  brierScore,
  calibrateProbabilities,
  combineProbabilityArrays,
  expectedCalibrationError,
  materializeWindows,
  minimumCandles,
  packArtifact,
  readPackedArtifact,
  SignalEngine,
  type ArtifactDraft,
  type Dataset,
  type Normalisation,
  type PackedArtifact,
  type WeightPrecision,
} from '@candlecast/shared';
import { chooseAbstainBand, type AbstainTarget } from '../calibration/abstainBand';
import { fitCalibration } from '../calibration/fitCalibration';
import { chooseEnsemble } from '../ensemble/chooseEnsemble';
import type { MemberExport } from './exportMember';
import { QUANTIZATION_GATE, type ServingCheck } from './ServingCheck';
import type { WasmModule } from '@candlecast/shared/model/wasm';
import { loadInferenceWasm } from '../wasm/inferenceWasm';

/** One trained member: how to export it, and its p(BUY) on the validation and test samples. */
export interface ArtifactMember {
  name: string;
  export: MemberExport;
  validation: Float32Array;
  test: Float32Array;
}

export interface BuildArtifactInput {
  /** Feature rows already normalised with `normalisation`. */
  dataset: Dataset;
  normalisation: Normalisation;
  split: { train: number[]; validation: number[]; test: number[] };
  members: ArtifactMember[];
  abstainTarget: AbstainTarget;
  training: { dataHash: string; from: string; to: string; candles: number };
  trainerCommit: string;
  /** Extra metrics to record (per-model training facts...). */
  metrics?: Record<string, unknown>;
  /** Test windows checked against fp32 (evenly spaced). Default 3000. */
  checkWindows?: number;
  createdAt?: string;
}

export interface BuiltArtifact {
  packed: PackedArtifact;
  serving: ServingCheck;
  scores: Record<string, { accuracy: number; brier: number; ece: number }>;
}

/**
 * Turns trained members into a publishable artifact: chooses the ensemble on validation
 * predictions (out of fold: no member was trained on them), fits Platt calibration and the abstain
 * band on validation, packs int8 weights (fp16 when int8 fails the gate) and checks what the edge
 * will serve against fp32 on the test windows, from raw candles through the shared engine. The
 * check and the golden vectors go into the manifest; `publish` refuses an artifact whose check failed.
 */
export async function buildArtifact(input: BuildArtifactInput): Promise<BuiltArtifact> {
  const { dataset, split, members } = input;
  const labels = (samples: number[]) => Uint8Array.from(samples, (s) => dataset.labels[s]);
  const validationLabels = labels(split.validation);
  const testLabels = labels(split.test);
  const oof = {
    samples: split.validation,
    labels: validationLabels,
    predictions: Object.fromEntries(members.map((m) => [m.name, m.validation])),
    fits: [{ trained: split.train, predicted: split.validation }],
  };
  const { config: ensemble, candidates } = chooseEnsemble(oof);
  const ensembleValidation = combineProbabilityArrays(ensemble, oof.predictions, split.validation.length).pBuy;
  const calibration = fitCalibration('platt', ensembleValidation, validationLabels);
  const calibratedValidation = calibrateProbabilities(calibration, ensembleValidation);
  const band = chooseAbstainBand(calibratedValidation, validationLabels, input.abstainTarget);

  const testPredictions = Object.fromEntries(members.map((m) => [m.name, m.test]));
  const ensembleTest = calibrateProbabilities(calibration, combineProbabilityArrays(ensemble, testPredictions, split.test.length).pBuy);
  const score = (p: ArrayLike<number>) => ({ accuracy: accuracy(p, testLabels), brier: brierScore(p, testLabels), ece: expectedCalibrationError(p, testLabels) });
  const scores: BuiltArtifact['scores'] = Object.fromEntries(members.map((m) => [m.name, score(m.test)]));
  scores.ensemble = score(ensembleTest);

  const draft = (precision: WeightPrecision, golden: ArtifactDraft['golden'], metrics: Record<string, unknown>): ArtifactDraft => ({
    createdAt: input.createdAt ?? new Date().toISOString(),
    featureSpec: { version: dataset.spec.version, names: [...dataset.spec.names], hash: dataset.spec.hash },
    windowLength: dataset.windowLength,
    minCandles: minimumCandles(dataset.spec, dataset.windowLength),
    normalisation: input.normalisation,
    labelPolicy: { horizon: 1, flatPolicy: 'drop' },
    models: Object.fromEntries(members.map((m) => [m.name, m.export(precision)])),
    ensemble: ensemble as unknown as Record<string, unknown>,
    calibration: calibration as unknown as Record<string, unknown>,
    abstain: band as unknown as Record<string, unknown>,
    metrics,
    training: input.training,
    trainerCommit: input.trainerCommit,
    golden,
  });

  // the reference: fp32 weights in the TypeScript (double) kernels; the candidates: quantized weights
  // in the kernels the edge runs (inference.wasm where it is built)
  const engineOf = async (packed: PackedArtifact, wasm: WasmModule | null) =>
    new SignalEngine(await readPackedArtifact(packed), { wasm });
  const servingWasm = loadInferenceWasm().module;
  const reference = await engineOf(packArtifact(draft('fp32', [], {})), null);
  const checked = evenlySpaced(split.test, input.checkWindows ?? 3000);
  const referenceSignals = checked.map((sample) => reference.predictWindow(windowOf(dataset, sample)));

  let serving: ServingCheck | null = null;
  let chosen: PackedArtifact | null = null;
  for (const precision of ['int8', 'fp16'] as const) {
    const engine = await engineOf(packArtifact(draft(precision, [], {})), servingWasm);
    let agree = 0;
    let correctServed = 0;
    let correctReference = 0;
    let worst = 0;
    checked.forEach((sample, k) => {
      // What the edge computes: features from the raw candle tail, then the quantized members.
      const served = engine.predictCandles(candleTail(dataset, sample, engine.minCandles));
      const expected = referenceSignals[k];
      if (served.signal === expected.signal) agree++;
      worst = Math.max(worst, Math.abs(served.pBuy - expected.pBuy));
      const label = dataset.labels[sample];
      correctServed += (served.pBuy > 0.5 ? 1 : 0) === label ? 1 : 0;
      correctReference += (expected.pBuy > 0.5 ? 1 : 0) === label ? 1 : 0;
    });
    const n = checked.length;
    const candidate: ServingCheck = {
      precision,
      kernels: engine.kernels,
      windows: n,
      signalAgreement: agree / n,
      accuracyServed: correctServed / n,
      accuracyFp32: correctReference / n,
      maxProbabilityDifference: worst,
      passed: agree / n >= QUANTIZATION_GATE.minAgreement && Math.abs(correctServed - correctReference) / n <= QUANTIZATION_GATE.maxAccuracyMove,
    };
    serving = candidate;
    if (candidate.passed || precision === 'fp16') {
      const golden = goldenCases(engine, dataset, split.test, [0, Math.floor(split.test.length / 2), split.test.length - 1], members);
      chosen = packArtifact(
        draft(precision, golden, {
          ...input.metrics,
          test: scores,
          ensembleCandidates: candidates.map((c) => ({ name: c.name, brier: c.brier })),
          serving: candidate,
          samples: { train: split.train.length, validation: split.validation.length, test: split.test.length },
        }),
      );
      if (candidate.passed) break;
    }
  }
  return { packed: chosen!, serving: serving!, scores };
}

function windowOf(dataset: Dataset, sample: number): Float32Array {
  return materializeWindows(dataset.features, dataset.featureCount, dataset.windowLength, dataset.ends, [sample]);
}

/** The raw candles the edge would receive for a sample: the `count` candles ending at its row. */
export function candleTail(dataset: Dataset, sample: number, count: number) {
  const end = dataset.ends[sample];
  return dataset.candles.slice(end - count + 1, end + 1);
}

function goldenCases(engine: SignalEngine, dataset: Dataset, test: number[], positions: number[], members: ArtifactMember[]): ArtifactDraft['golden'] {
  return positions.map((position) => {
    const sample = test[position];
    const candles = candleTail(dataset, sample, engine.minCandles);
    const output = engine.predictCandles(candles);
    return {
      input: { candles: candles.map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume]) },
      outputs: {
        pBuy: output.pBuy,
        pRaw: output.pRaw,
        signal: output.signal,
        members: output.members,
        tolerance: 1e-5,
        // The trainer's own (fp32, tfjs / in-memory trees) p(BUY) of each member on the training
        // pipeline's window, for the record: differences are quantization and serving warm-up.
        trainer: Object.fromEntries(members.map((m) => [m.name, m.test[position]])),
      },
    };
  });
}

function evenlySpaced(samples: number[], count: number): number[] {
  if (samples.length <= count) return samples;
  return Array.from({ length: count }, (_, k) => samples[Math.floor((k * samples.length) / count)]);
}
