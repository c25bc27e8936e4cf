/*
 * Edge kernels vs tfjs predict, one window at a time, one core, same process and same weights.
 *
 *   npx tsx packages/trainer/bench/kernels.bench.ts [--quick]
 *
 * (or `benchKernels()` from the bench runner, which gets the same numbers as a record)
 *
 * For every architecture at its default size (the reference LSTM: [60, 20] -> LSTM 128 -> LSTM 64
 * -> dense 32 -> dense 2): the median wall time of one predict after warm-up (with the 10th
 * percentile and the mean process CPU time, which tell a busy machine apart), for the pure-TS
 * kernels (@candlecast/shared/model) and tfjs (cpu backend, prod mode), the ratio of the medians,
 * and the largest output difference between the two as a sanity check.
 * A benchmark, not a test: nothing asserts. Numbers are only comparable within one run.
 */
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { createSequenceModel } from '@candlecast/shared/model';
import { DEFAULT_MODEL_CONFIG, MODEL_BUILDERS } from '../src/models/index';
import { fromTfjsModel } from '../src/export/fromTfjsModel';
import { seededWindows, seedWeights } from '../src/export/seedWeights';

const FEATURES = 20;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * `run` timed over `runs` calls after `warmUp` untimed ones: the median and 10th-percentile wall
 * time, and the mean process CPU time (what this process actually ran: less inflated than wall
 * time when other processes share the cores). Stops early (after at least 5 calls) once
 * `budgetMs` is spent, because tfjs's cpu GRU takes seconds per predict.
 */
function time(run: (i: number) => void, warmUp: number, runs: number, budgetMs = Infinity): { wall: number; fast: number; cpu: number } {
  for (let i = 0; i < warmUp; i++) run(i);
  const samples: number[] = [];
  let spent = 0;
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs && (i < 5 || spent < budgetMs); i++) {
    const start = performance.now();
    run(i);
    samples.push(performance.now() - start);
    spent += samples[i];
  }
  const cpu = process.cpuUsage(cpuStart);
  const sorted = [...samples].sort((a, b) => a - b);
  return { wall: median(samples), fast: sorted[Math.floor(sorted.length / 10)], cpu: (cpu.user + cpu.system) / 1000 / samples.length };
}

/** Per architecture: kernels and tfjs ms per predict (median, p10, mean cpu), their ratio, max |diff|. */
export async function benchKernels(options: { quick?: boolean; print?: boolean } = {}): Promise<Record<string, unknown>> {
  const kernelRuns = options.quick ? 200 : 2000;
  const tfjsRuns = options.quick ? 10 : 40;
  const print = options.print ? (line: string) => console.log(line) : () => undefined;
  const results: Record<string, unknown> = {};
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const { windowLength } = DEFAULT_MODEL_CONFIG;
  const windowSize = windowLength * FEATURES;
  const windowCount = 16;
  const windows = seededWindows(windowCount, windowLength, FEATURES, 7);
  const views = Array.from({ length: windowCount }, (_, i) => windows.subarray(i * windowSize, (i + 1) * windowSize));
  const window = (i: number) => views[i % windowCount];
  print(`node ${process.version}, tfjs ${tf.version.tfjs} backend ${tf.getBackend()}, window [${windowLength}, ${FEATURES}]`);
  print('ms per predict: median wall / p10 wall / mean cpu; ratio = tfjs median / kernels median');
  for (const [name, build] of Object.entries(MODEL_BUILDERS)) {
    const model = build({ config: DEFAULT_MODEL_CONFIG, featureCount: FEATURES, seed: 1 });
    seedWeights(model, 1, 0.1);
    const kernels = createSequenceModel(fromTfjsModel(model));
    const output = new Float32Array(kernels.outputSize);
    const kernel = time((i) => kernels.predict(window(i), output), 300, kernelRuns);
    const tfjs = time(
      (i) => {
        const y = tf.tidy(() => model.predict(tf.tensor3d(window(i), [1, windowLength, FEATURES])) as tf.Tensor);
        y.dataSync();
        y.dispose();
      },
      2,
      tfjsRuns,
      4000,
    );
    let worst = 0;
    for (let i = 0; i < 4; i++) {
      const expected = tf.tidy(() => (model.predict(tf.tensor3d(window(i), [1, windowLength, FEATURES])) as tf.Tensor).dataSync());
      const actual = kernels.predict(window(i));
      for (let j = 0; j < actual.length; j++) worst = Math.max(worst, Math.abs(actual[j] - expected[j]));
    }
    model.dispose();
    const ms = (t: { wall: number; fast: number; cpu: number }) => [t.wall, t.fast, t.cpu].map((v) => v.toFixed(v < 10 ? 3 : 1)).join(' / ');
    results[name] = { kernelsMs: kernel, tfjsMs: tfjs, ratio: tfjs.wall / kernel.wall, maxDifference: worst };
    print(
      `${name.padEnd(15)} kernels ${ms(kernel).padEnd(22)} tfjs ${ms(tfjs).padEnd(26)} ratio ${(tfjs.wall / kernel.wall).toFixed(1)}x` +
        `   max |diff| ${worst.toExponential(1)}`,
    );
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchKernels({ quick: process.argv.includes('--quick'), print: true });
}
