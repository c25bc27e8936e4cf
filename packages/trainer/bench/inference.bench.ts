import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { createSequenceModel, FeatureStream, sequenceGraphFromLoaded, SignalEngine, type Candle, type FeatureSpec, type Normalisation } from '@candlecast/shared';
import { benchArtifact, benchArtifactDirectory } from './benchArtifact';
import { median } from './benchData';
import { allocatedPerCall } from './allocatedPerCall';
import { loadInferenceWasm } from '../src/wasm/inferenceWasm';

const REPO = resolve(import.meta.dirname, '../../..');

/**
 * One signal's compute on the edge code path against tfjs, same process, same run.
 *
 * - `kernelMs`: SignalEngine.predictCandles from the artifact as the edge loads it (features for
 *   the needed tail, normalisation, the int8 reference LSTM in inference.wasm, the random forest,
 *   the boosted trees, ensemble, calibration), on the test set's candle tails; `kernelTsMs` the same
 *   engine with every kernel in TypeScript (the fallback where the wasm cannot run).
 * - `tfjsPredictMs`: tfjs (cpu backend, prod mode) `model.predict` of the same trained LSTM (fp32)
 *   on the same normalised window, dataSync included; `speedup` = tfjsPredictMs / kernelMs.
 * - where the time goes: `lstmKernelMs` (the LSTM alone: createSequenceModel on the artifact's
 *   graph, wasm; `lstmTsMs` in TypeScript), `predictWindowMs` (every member + ensemble + calibration from a ready window), the rest
 *   of kernelMs is features and normalisation.
 * - the hot path's memory, in a fresh process that only loads and predicts (hotPathProbe.ts):
 *   `allocatedBytesPerCall` (V8 heap allocated per predictCandles after warm-up, from the heap's
 *   growth between calls with GCs excluded, minus the probe's own), where it comes from, and
 *   `retainedBytesPerCall` (heapUsed growth over 10,000 calls, GC'd before and after: a leak
 *   check); `allocatedBytesPerCallAfterTraining` is the same allocation measure in this process.
 *
 * Contenders alternate in rounds so load from other processes hits all alike; each time is the
 * median of per-call times after warm-up. CANDLECAST_BENCH_INFERENCE_ROUNDS sets the rounds (default 8).
 */
export async function benchInference(): Promise<Record<string, number | string>> {
  const rounds = Number(process.env.CANDLECAST_BENCH_INFERENCE_ROUNDS ?? 8);
  const artifact = await benchArtifact();
  const wasm = loadInferenceWasm();
  if (!wasm.module) throw new Error(`inference.wasm cannot run: ${wasm.reason}`);
  const engine = new SignalEngine(artifact.loaded, { wasm: wasm.module });
  const engineTs = new SignalEngine(artifact.loaded);
  const graph = sequenceGraphFromLoaded('lstm', artifact.loaded.models.lstm);
  const lstm = createSequenceModel(graph, { wasm: wasm.module });
  const lstmTs = createSequenceModel(graph);
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const model = artifact.tfjsLstm;
  const { windowLength } = engine;
  const F = engine.featureSpec.names.length;
  const windows = artifact.tails.map((tail) => normalisedWindow(tail, F, windowLength, artifact.loaded.manifest.normalisation, engine.featureSpec));
  const tails = artifact.tails;

  const times = { kernel: [] as number[], kernelTs: [] as number[], window: [] as number[], lstm: [] as number[], lstmTs: [] as number[], tfjs: [] as number[] };
  let call = 0;
  const timeCalls = (into: number[] | null, count: number, run: (i: number) => void) => {
    for (let k = 0; k < count; k++) {
      const i = call++ % tails.length;
      const start = performance.now();
      run(i);
      if (into) into.push(performance.now() - start);
    }
  };
  const predictTfjs = (i: number) => {
    const y = tf.tidy(() => model.predict(tf.tensor3d(windows[i], [1, windowLength, F])) as tf.Tensor);
    y.dataSync();
    y.dispose();
  };
  // warm-up: V8 tiers the kernels up, tfjs builds its kernels
  timeCalls(null, 300, (i) => engine.predictCandles(tails[i]));
  timeCalls(null, 300, (i) => engine.predictWindow(windows[i]));
  timeCalls(null, 300, (i) => lstm.predict(windows[i]));
  timeCalls(null, 300, (i) => engineTs.predictCandles(tails[i]));
  timeCalls(null, 300, (i) => lstmTs.predict(windows[i]));
  timeCalls(null, 3, predictTfjs);
  for (let round = 0; round < rounds; round++) {
    timeCalls(times.kernel, 250, (i) => engine.predictCandles(tails[i]));
    timeCalls(times.window, 250, (i) => engine.predictWindow(windows[i]));
    timeCalls(times.lstm, 250, (i) => lstm.predict(windows[i]));
    timeCalls(times.kernelTs, 100, (i) => engineTs.predictCandles(tails[i]));
    timeCalls(times.lstmTs, 100, (i) => lstmTs.predict(windows[i]));
    timeCalls(times.tfjs, 4, predictTfjs);
  }
  const kernelMs = median(times.kernel);
  const tfjsPredictMs = median(times.tfjs);
  const lstmKernelMs = median(times.lstm);
  const predictWindowMs = median(times.window);
  const kernelTsMs = median(times.kernelTs);
  const lstmTsMs = median(times.lstmTs);

  // int8 kernels against fp32 tfjs on the same windows, and wasm against TypeScript: a sanity check of what was timed.
  let lstmMaxDifference = 0;
  let wasmTsMaxDifference = 0;
  for (let i = 0; i < 8; i++) {
    const expected = tf.tidy(() => (model.predict(tf.tensor3d(windows[i], [1, windowLength, F])) as tf.Tensor).dataSync());
    lstmMaxDifference = Math.max(lstmMaxDifference, Math.abs(lstm.predict(windows[i])[1] - expected[1]));
    wasmTsMaxDifference = Math.max(wasmTsMaxDifference, Math.abs(lstm.predict(windows[i])[1] - lstmTs.predict(windows[i])[1]));
  }
  // The hot path's memory in a fresh process that only loads and predicts, as an edge isolate does.
  const probe = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(REPO, 'packages/trainer/bench/hotPathProbe.ts'), await benchArtifactDirectory()], { cwd: REPO, encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`hotPathProbe failed: ${probe.stderr}`);
  const memory = JSON.parse(probe.stdout.trim().split('\n').pop()!) as { allocatedBytesPerCall: number; retainedBytesPerCall: number; calls: number; breakdown: string };
  // The same measure here, in the process that trained the models (V8 optimized the shared code for that too).
  globalThis.gc?.();
  const allocatedHere = allocatedPerCall(1000, (i) => engine.predictCandles(tails[i % tails.length])) - allocatedPerCall(1000, () => undefined);
  const { shape } = artifact;
  return {
    data: artifact.data,
    kernelMs: round(kernelMs, 3),
    tfjsPredictMs: round(tfjsPredictMs, 2),
    speedup: round(tfjsPredictMs / kernelMs, 1),
    kernelTsMs: round(kernelTsMs, 3),
    speedupTs: round(tfjsPredictMs / kernelTsMs, 1),
    lstmKernelMs: round(lstmKernelMs, 3),
    lstmSpeedup: round(tfjsPredictMs / lstmKernelMs, 1),
    lstmTsMs: round(lstmTsMs, 3),
    predictWindowMs: round(predictWindowMs, 3),
    treesEnsembleMs: round(predictWindowMs - lstmKernelMs, 3),
    featuresMs: round(kernelMs - predictWindowMs, 3),
    lstmMaxDifference: round(lstmMaxDifference, 5),
    lstmWasmVsTsMaxDifference: wasmTsMaxDifference,
    kernels: `${engine.kernels} (${wasm.reason})`,
    allocatedBytesPerCall: Math.round(memory.allocatedBytesPerCall),
    retainedBytesPerCall: round(memory.retainedBytesPerCall, 2),
    allocation: memory.breakdown,
    allocatedBytesPerCallAfterTraining: Math.round(allocatedHere),
    artifact: `${artifact.packed.version.slice(0, 12)}: ${shape.precision} LSTM 128/64/32, rf ${shape.rfTrees} trees (${shape.rfNodes} nodes), gbdt ${shape.gbdtTrees} trees (${shape.gbdtNodes} nodes), ${(shape.blobBytes / 2 ** 20).toFixed(2)} MiB of blobs; minCandles ${engine.minCandles}`,
    artifactBuildSeconds: round(artifact.buildSeconds, 1),
    calls: `${times.kernel.length} engine / ${times.kernelTs.length} engine (TypeScript kernels) / ${times.lstm.length} lstm kernel / ${times.tfjs.length} tfjs predicts in ${rounds} rounds; ${tails.length} distinct test tails`,
    tfjs: `${tf.version.tfjs} ${tf.getBackend()} backend`,
  };
}

/** The normalised window the engine feeds its members for `tail` (same FeatureStream, statistics and clip). */
function normalisedWindow(tail: readonly Candle[], F: number, W: number, norm: Normalisation, spec: FeatureSpec): Float32Array {
  const stream = new FeatureStream(spec);
  const rows = new Float32Array(tail.length * F);
  tail.forEach((candle, i) => stream.add(candle, rows, i * F));
  const window = rows.slice((tail.length - W) * F);
  for (let i = 0; i < window.length; i++) {
    const f = i % F;
    const z = (window[i] - norm.mean[f]) / norm.std[f];
    window[i] = Math.max(-norm.clip, Math.min(norm.clip, z));
  }
  return window;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
