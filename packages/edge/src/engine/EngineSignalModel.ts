import { SignalEngine, type Candle, type LoadedArtifact } from '@candlecast/shared';
import type { WasmModule } from '@candlecast/shared/model/wasm';
import type { SignalModel, SignalResult } from './SignalModel';

/**
 * A SignalModel backed by the shared SignalEngine (inference.wasm or pure-TS kernels, trees,
 * ensemble, calibration). `wasm` is the compiled inference.wasm where the runtime has it.
 */
export class EngineSignalModel implements SignalModel {
  private readonly engine: SignalEngine;
  readonly version: string;
  readonly minCandles: number;
  readonly windowLength: number;
  readonly featureSpec: { version: number; names: readonly string[]; hash: string };
  readonly info: Record<string, unknown>;

  constructor(artifact: LoadedArtifact, wasm?: WasmModule | null) {
    this.engine = new SignalEngine(artifact, { wasm });
    const { manifest } = artifact;
    this.version = artifact.version;
    this.minCandles = this.engine.minCandles;
    this.windowLength = this.engine.windowLength;
    this.featureSpec = manifest.featureSpec;
    this.info = {
      createdAt: manifest.createdAt,
      members: this.engine.members,
      kernels: this.engine.kernels,
      ...(this.engine.wasmUnavailable ? { wasmUnavailable: this.engine.wasmUnavailable } : {}),
      unavailable: this.engine.unavailable,
      ensemble: manifest.ensemble,
      calibration: manifest.calibration,
      abstain: manifest.abstain,
      metrics: manifest.metrics,
      training: manifest.training,
    };
  }

  predict(candles: readonly Candle[]): SignalResult {
    const output = this.engine.predictCandles(candles);
    const models: Record<string, { buy: number }> = {};
    for (const [name, p] of Object.entries(output.members)) models[name] = { buy: p };
    return {
      signal: output.signal,
      pBuy: output.pBuy,
      confidence: Math.max(output.pBuy, 1 - output.pBuy),
      models,
      ...(output.missing.length ? { missingModels: output.missing } : {}),
      ...(output.attention ? { attention: output.attention } : {}),
    };
  }
}
