import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../src/backend/selectBackend';
import { createFastTrainer, type FastTrainer, type TrainingBatch } from '../src/fast/FastTrainer';
import { dropoutLayerIndices, readModelWeights, recurrentArchitectureOf } from '../src/fast/tfjsInterop';
import { buildGru } from '../src/models/gru';
import { buildLstm } from '../src/models/lstm';
import { DEFAULT_MODEL_CONFIG } from '../src/models/ModelConfig';
import { seedDropoutLayers } from '../src/training/dropoutSeeds';
import { trainStep } from '../src/training/trainStep';
import { median } from './benchData';

const BATCH = 64;
const FEATURES = 20;

/** One way of training a model: a step on batch `step` of the shared batches. */
interface Contender {
  step(step: number): void;
  times: number[];
}

/**
 * Training throughput of the reference LSTM ([60, 20] -> LSTM 128 -> LSTM 64 -> dense 32 ->
 * softmax, dropout 0.2, Adam) at batch 64: the fast engine (src/fast) against tfjs's wasm backend
 * (wasm files from node_modules/@tensorflow/tfjs-backend-wasm/dist) on the same random windows,
 * same initial weights and dropout seeds, in the same run. Contenders take turns in rounds, so
 * load from other processes hits all alike; each figure is the median batch time over the rounds,
 * after warm-up batches. Also: the fast engine on one thread and with its plain-JS kernels, and
 * the GRU variant of the same stack. CANDLECAST_BENCH_ROUNDS sets the rounds (default 6).
 */
export async function benchTraining(): Promise<Record<string, number | string>> {
  const rounds = Number(process.env.CANDLECAST_BENCH_ROUNDS ?? 6);
  const backend = await selectBackend('wasm');
  const batches = [0, 1, 2].map((seed) => randomBatch(seed));
  const models = { lstm: buildLstm({ config: DEFAULT_MODEL_CONFIG, featureCount: FEATURES, seed: 1 }), gru: buildGru({ config: DEFAULT_MODEL_CONFIG, featureCount: FEATURES, seed: 1 }) };
  const optimizers: tf.Optimizer[] = [];
  const trainers: FastTrainer[] = [];

  const tfjs = (model: tf.LayersModel): Contender => {
    const optimizer = tf.train.adam(0.001);
    optimizers.push(optimizer);
    return {
      step(step) {
        seedDropoutLayers(model, 1000 * step);
        trainStep(model, optimizer, batches[step % batches.length]);
      },
      times: [],
    };
  };
  const fast = (model: tf.LayersModel, options: Pick<Parameters<typeof createFastTrainer>[0], 'threads' | 'kernels'>): Contender & { trainer: FastTrainer } => {
    const architecture = recurrentArchitectureOf(model);
    const trainer = createFastTrainer({ architecture, weights: readModelWeights(model, architecture), batchSize: BATCH, ...options });
    trainers.push(trainer);
    const dropoutLayers = dropoutLayerIndices(model);
    return { trainer, step: (step) => void trainer.trainBatch(batches[step % batches.length], dropoutLayers.map((index) => 1000 * step + index)), times: [] };
  };
  // the fast contenders start from the models' initial weights, before tfjs trains them
  const contenders = {
    fast: fast(models.lstm, { threads: 'auto' }),
    fastSingle: fast(models.lstm, { threads: 1 }),
    fastJs: fast(models.lstm, { threads: 1, kernels: 'js' }),
    fastGru: fast(models.gru, { threads: 'auto' }),
    tfjs: tfjs(models.lstm),
    tfjsGru: tfjs(models.gru),
  };
  // batches per round: the slow contenders one, the fast ones several
  const perRound: Record<keyof typeof contenders, number> = { fast: 4, fastSingle: 4, fastJs: 1, fastGru: 4, tfjs: 1, tfjsGru: 1 };
  const steps = new Map<Contender, number>();
  const run = (contender: Contender, count: number, timed: boolean) => {
    for (let i = 0; i < count; i++) {
      const step = steps.get(contender) ?? 0;
      steps.set(contender, step + 1);
      const start = performance.now();
      contender.step(step);
      if (timed) contender.times.push(performance.now() - start);
    }
  };
  // warm-up: tfjs compiles its kernels, V8 tiers up the engine, the worker threads start
  for (const contender of Object.values(contenders)) run(contender, contender === contenders.fastJs ? 1 : 2, false);
  for (let round = 0; round < rounds; round++) {
    for (const [name, contender] of Object.entries(contenders)) {
      if (name === 'fastJs' && round % 2 === 1) continue;
      run(contender, perRound[name as keyof typeof contenders], true);
    }
  }
  const rate = (contender: Contender) => BATCH / (median(contender.times) / 1000);
  const result = {
    samplesPerSec: round(rate(contenders.fast)),
    tfjsWasmSamplesPerSec: round(rate(contenders.tfjs)),
    speedup: round(rate(contenders.fast) / rate(contenders.tfjs)),
    threads: contenders.fast.trainer.threads,
    kernels: contenders.fast.trainer.kernels,
    singleThreadSamplesPerSec: round(rate(contenders.fastSingle)),
    singleThreadSpeedup: round(rate(contenders.fastSingle) / rate(contenders.tfjs)),
    jsKernelsSamplesPerSec: round(rate(contenders.fastJs)),
    gruSamplesPerSec: round(rate(contenders.fastGru)),
    gruTfjsWasmSamplesPerSec: round(rate(contenders.tfjsGru)),
    gruSpeedup: round(rate(contenders.fastGru) / rate(contenders.tfjsGru)),
    fastEngine: contenders.fast.trainer.description,
    tfjsBackend: `${backend.name} (simd ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, threads ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')})`,
    batches: `batch ${BATCH}; per figure ${contenders.fast.times.length} fast / ${contenders.tfjs.times.length} tfjs / ${contenders.fastJs.times.length} js-kernel batches`,
  };
  trainers.forEach((trainer) => trainer.dispose());
  optimizers.forEach((optimizer) => optimizer.dispose());
  Object.values(models).forEach((model) => model.dispose());
  return result;
}

/** A batch of roughly standard-normal windows with random labels (the content does not change the cost). */
function randomBatch(seed: number): TrainingBatch {
  let s = (seed + 1) * 2654435761;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const windows = Float32Array.from({ length: BATCH * DEFAULT_MODEL_CONFIG.windowLength * FEATURES }, () => (next() + next() + next() - 1.5) * 2);
  const targets = new Float32Array(BATCH * 2);
  for (let b = 0; b < BATCH; b++) targets[b * 2 + (next() < 0.5 ? 0 : 1)] = 1;
  return { size: BATCH, windows, targets, weights: new Float32Array(BATCH).fill(1) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
