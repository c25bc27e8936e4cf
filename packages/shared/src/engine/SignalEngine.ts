import type { LoadedArtifact } from '../artifact/readArtifact';
import type { Candle } from '../candles/Candle';
import { CandlecastError } from '../errors/CandlecastError';
import { createFeatureSpec, type FeatureSpec } from '../features/FeatureSpec';
import { FeatureStream } from '../features/FeatureStream';
import { applyCalibration, checkCalibration, type Calibration } from '../model/calibration/Calibration';
import { toSignal, type AbstainBand, type Signal } from '../model/calibration/toSignal';
import { EnsembleCombiner } from '../model/ensemble/EnsembleCombiner';
import { checkEnsembleConfig, type EnsembleConfig } from '../model/ensemble/EnsembleConfig';
import { createSequenceModel, type SequenceModel, type SequenceModelOptions } from '../model/kernels/createSequenceModel';
import { compileTabularSpec, writeTabularRow, type TabularPlan } from '../model/tabular/fillTabular';
import { predictTreeRow } from '../model/trees/predictTrees';
import { readTreeModelDocument } from '../model/trees/TreeModelDocument';
import type { TreeEnsemble } from '../model/trees/TreeEnsemble';
import type { Normalisation } from '../windows/Normalisation';
import { SEQUENCE_GRAPH_KIND, sequenceGraphFromLoaded } from './sequenceGraphEntry';
import { treeDocumentFromLoaded, TREES_KIND } from './treeModelEntry';

/** One prediction of the whole artifact. */
export interface EngineOutput {
  /** Calibrated ensemble p(BUY). */
  pBuy: number;
  /** Ensemble p(BUY) before calibration. */
  pRaw: number;
  signal: Signal;
  /** Each member's own p(BUY). */
  members: Record<string, number>;
  /** Members the ensemble wanted but could not use (failed to load or to predict). */
  missing: string[];
  /** Per-step attention of the first attention model, oldest step first (a copy). */
  attention: number[] | null;
}

type Member =
  | { name: string; type: 'sequence'; model: SequenceModel }
  | { name: string; type: 'trees'; plan: TabularPlan; ensemble: TreeEnsemble; row: Float32Array };

/**
 * Runs a verified artifact from candles to a signal with the same shared code the trainer used:
 * causal features -> the last window -> normalisation with the stored training statistics -> every
 * member (pure-TS kernels for deep models, flat tree walks for trees) -> ensemble -> calibration ->
 * abstain band. Buffers are allocated once per engine; a member that cannot be built is reported
 * missing and the ensemble renormalises over the rest.
 */
export class SignalEngine {
  readonly version: string;
  readonly windowLength: number;
  readonly minCandles: number;
  readonly featureSpec: FeatureSpec;
  readonly members: readonly string[];
  readonly unavailable: Record<string, string>;
  /** What runs the deep members' recurrent layers: inference.wasm when given, else TypeScript. */
  readonly kernels: 'wasm-simd' | 'typescript';
  /** Why a given inference.wasm could not be used (the engine then runs TypeScript kernels), or undefined. */
  readonly wasmUnavailable: string | undefined;
  private readonly normalisation: Normalisation;
  private readonly ensemble: EnsembleCombiner;
  private readonly calibration: Calibration;
  private readonly band: AbstainBand;
  private readonly built: Member[];
  private readonly rows: Float32Array;
  private readonly window: Float32Array;
  private readonly scores: Record<string, number | null> = {};
  private stream: FeatureStream | null = null;

  /**
   * `options.wasm`: the compiled inference.wasm, so deep members run their LSTM layers in wasm SIMD
   * (Workers: import the .wasm file; Node: the trainer's loadInferenceWasm). Without it every
   * kernel runs in TypeScript.
   */
  constructor(readonly artifact: LoadedArtifact, options: SequenceModelOptions = {}) {
    const { manifest } = artifact;
    this.version = artifact.version;
    this.windowLength = manifest.windowLength;
    this.minCandles = manifest.minCandles;
    this.featureSpec = createFeatureSpec(manifest.featureSpec.names);
    if (this.featureSpec.hash !== manifest.featureSpec.hash) {
      throw new CandlecastError(
        'feature_spec_mismatch',
        `artifact ${artifact.version.slice(0, 12)} was trained on feature spec ${manifest.featureSpec.hash.slice(0, 12)}, this code computes ${this.featureSpec.hash.slice(0, 12)} for the same names: retrain or deploy the matching code`,
      );
    }
    if (this.minCandles < this.featureSpec.warmUp + this.windowLength - 1) {
      throw new CandlecastError('invalid_artifact', `minCandles ${this.minCandles} is below warm-up + window - 1 = ${this.featureSpec.warmUp + this.windowLength - 1}`);
    }
    this.normalisation = manifest.normalisation;
    this.ensemble = new EnsembleCombiner(checkEnsembleConfig(manifest.ensemble as unknown as EnsembleConfig));
    this.calibration = checkCalibration(manifest.calibration as unknown as Calibration);
    this.band = manifest.abstain as unknown as AbstainBand;
    toSignal(0.5, this.band);
    const F = this.featureSpec.names.length;
    this.rows = new Float32Array(this.minCandles * F);
    this.window = new Float32Array(this.windowLength * F);
    this.built = [];
    this.unavailable = {};
    for (const [name, model] of Object.entries(artifact.models)) {
      try {
        if (model.kind === SEQUENCE_GRAPH_KIND) {
          this.built.push({ name, type: 'sequence', model: createSequenceModel(sequenceGraphFromLoaded(name, model), options) });
        } else if (model.kind === TREES_KIND) {
          const { tabular, ensemble } = readTreeModelDocument(treeDocumentFromLoaded(name, model));
          if (tabular.featureSpecHash !== this.featureSpec.hash) throw new CandlecastError('invalid_artifact', `trees read feature spec ${tabular.featureSpecHash.slice(0, 12)}`);
          this.built.push({ name, type: 'trees', plan: compileTabularSpec(tabular), ensemble, row: new Float32Array(tabular.columns.length) });
        } else {
          throw new CandlecastError('invalid_artifact', `unknown model kind "${model.kind}"`);
        }
      } catch (error) {
        this.unavailable[name] = error instanceof Error ? error.message : String(error);
      }
    }
    if (this.built.length === 0) throw new CandlecastError('invalid_artifact', `artifact ${artifact.version.slice(0, 12)} has no usable model: ${JSON.stringify(this.unavailable)}`);
    this.members = this.built.map((m) => m.name);
    const sequences = this.built.flatMap((m) => (m.type === 'sequence' ? [m.model] : []));
    this.kernels = options.wasm && sequences.every((model) => model.wasmUnavailable === undefined) ? 'wasm-simd' : 'typescript';
    this.wasmUnavailable = sequences.find((model) => model.wasmUnavailable !== undefined)?.wasmUnavailable;
  }

  /** Bytes of wasm linear memory the deep members hold (not in V8's heap or ArrayBuffer counters). */
  get wasmMemoryBytes(): number {
    let bytes = 0;
    for (const member of this.built) if (member.type === 'sequence') bytes += member.model.wasmMemoryBytes;
    return bytes;
  }

  /** Predicts from the newest `minCandles` candles (validated, contiguous, oldest first). */
  predictCandles(candles: readonly Candle[]): EngineOutput {
    if (candles.length < this.minCandles) {
      throw new CandlecastError('not_enough_candles', `needs at least ${this.minCandles} contiguous candles, got ${candles.length}`);
    }
    const F = this.featureSpec.names.length;
    const stream = (this.stream ??= new FeatureStream(this.featureSpec));
    stream.reset();
    stream.addMany(candles, candles.length - this.minCandles, this.minCandles, this.rows);
    // Copies the last windowLength rows and normalises in one pass (a subarray view would allocate).
    const { mean, std, clip } = this.normalisation;
    const first = (this.minCandles - this.windowLength) * F;
    for (let r = 0, i = 0; r < this.windowLength; r++) {
      for (let f = 0; f < F; f++, i++) {
        const z = (this.rows[first + i] - mean[f]) / std[f];
        if (!Number.isFinite(z)) throw new CandlecastError('non_finite_feature', `feature "${this.featureSpec.names[f]}" is not finite in the window`);
        this.window[i] = z > clip ? clip : z < -clip ? -clip : z;
      }
    }
    return this.predictWindow(this.window);
  }

  /** Predicts from one normalised window, row-major `[windowLength, features]`. */
  predictWindow(window: Float32Array): EngineOutput {
    let attention: number[] | null = null;
    for (const member of this.built) {
      let p: number | null;
      try {
        if (member.type === 'sequence') {
          p = member.model.predict(window)[1];
          if (attention === null && member.model.attention) attention = Array.from(member.model.attention());
        } else {
          writeTabularRow(member.plan, window, this.windowLength - 1, member.row, 0);
          p = predictTreeRow(member.ensemble, member.row, 0);
        }
        if (!(p >= 0 && p <= 1)) p = null;
      } catch {
        p = null;
      }
      this.scores[member.name] = p;
    }
    const combined = this.ensemble.combine(this.scores);
    const pBuy = applyCalibration(this.calibration, combined.pBuy);
    // the answer is the only allocation: the caller keeps it
    const members: Record<string, number> = {};
    for (let k = 0; k < combined.used.length; k++) members[combined.used[k]] = this.scores[combined.used[k]] as number;
    return { pBuy, pRaw: combined.pBuy, signal: toSignal(pBuy, this.band), members, missing: combined.missing.slice(), attention };
  }
}
