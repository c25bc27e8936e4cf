import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  accuracy,
  buildDataset,
  CandlecastError,
  chronologicalSplit,
  DEFAULT_FEATURE_SPEC,
  fitNormalisation,
  majorityClass,
  normaliseRows,
  reverseLastCandle,
  rowsCoveredBy,
} from '@candlecast/shared';
import { buildArtifact, type ArtifactMember } from '../artifact/buildArtifact';
import { exportMember } from '../artifact/exportMember';
import { hashCandles, trainerCommit } from '../artifact/trainingFacts';
import { BACKEND_CHOICES, selectBackend, type BackendChoice } from '../backend/selectBackend';
import { writeArtifactDirectory } from '../stores/artifactDirectory';
import { loadCandles } from '../data/loadCandles';
import { readConfigJson } from '../training/DeepConfig';
import { createProgressDisplay } from '../training/progressDisplay';
import { TRAINERS } from '../training/trainers';
import { deepConfigOverrides, parseGapsOption, parseModelsOption, resolveDeepConfigWithFlags } from './deepConfigOptions';
import { parseIntegerOption, parseNumberOption } from './options';

interface TrainOptions {
  data?: string;
  candles: string;
  config?: string;
  models: string;
  out: string;
  epochs?: string;
  batchSize?: string;
  window?: string;
  minHistory?: string;
  backend: string;
  seed: string;
  resume?: boolean;
  maxMinutes?: string;
  samplesPerEpoch?: string;
  gaps?: string;
  engine?: string;
  abstainCoverage: string;
}

/** One scored line of the summary: a model or a baseline on the validation and test samples. */
interface ScoreLine {
  name: string;
  validation: number | null;
  test: number | null;
}

const DEFAULT_MODELS = 'lstm,gru,lstm-attention,transformer';

/**
 * `candlecast train`: candles -> features -> windows -> chronological 60/20/20 split ->
 * normalisation fitted on the training rows -> each model trained with early stopping ->
 * validation and test accuracy printed beside the majority-class and reverse-last-candle
 * baselines on the same samples. Writes <out>/<model>/ (model.json, weights.bin, history.json,
 * training.jsonl, metrics.json, config.json, checkpoints/), <out>/dataset.json and <out>/summary.json.
 */
export function registerTrainCommand(program: Command): void {
  program
    .command('train')
    .description('Train deep sequence models on candles and compare them with simple baselines.')
    .option('--data <file>', 'candles as CSV or JSON; default: a generated (synthetic) market')
    .option('--candles <n>', 'generated candles when --data is absent', '20000')
    .option('--config <file>', 'JSON config: { model, training, overrides: { <model>: {...} } } (defaults: the reference LSTM settings)')
    .option('--models <list>', `comma-separated models to train; known: ${Object.keys(TRAINERS).join(', ')}`, DEFAULT_MODELS)
    .requiredOption('--out <dir>', 'output folder; one subfolder per model')
    .option('--epochs <n>', 'maximum epochs, 1-100 (default 50; early stopping usually ends sooner)')
    .option('--batch-size <n>', 'training batch size (default 64)')
    .option('--window <n>', 'candles per window, 30-120 (default 60)')
    .option('--min-history <n>', 'shortest history a model accepts (default: the window; smaller enables masking + left padding)')
    .option('--backend <name>', `tfjs backend: ${BACKEND_CHOICES.join(' | ')}`, 'auto')
    .option('--seed <n>', 'seed of initializers, shuffling and dropout (a cpu run is reproducible)', '42')
    .option('--resume', 'continue each model from <out>/<model>/checkpoints/last if present')
    .option('--max-minutes <n>', 'time budget per model in minutes; training stops after the batch that exceeds it')
    .option('--samples-per-epoch <n>', 'training samples drawn per epoch (default: all)')
    .option('--gaps <policy>', 'missing candles: fail | fill | segment (default: fill for --data files, none in generated data)')
    .option('--engine <name>', 'training steps: auto (fast CPU engine for LSTM/GRU when its SIMD kernels load, else tfjs) | fast | tfjs')
    .option('--abstain-coverage <share>', 'the ensemble signals (BUY/SELL) on this share of validation samples and says HOLD on the rest', '0.5')
    .action(async (options: TrainOptions) => {
      await runTrain(options);
    });
}

async function runTrain(options: TrainOptions): Promise<void> {
  const seed = parseIntegerOption('--seed', options.seed, 0, 2 ** 31 - 1);
  const trainers = parseModelsOption(options.models);
  const names = trainers.map((trainer) => trainer.name);
  if (!(BACKEND_CHOICES as readonly string[]).includes(options.backend)) {
    throw new CandlecastError('invalid_option', `--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${options.backend}"`);
  }
  const gaps = parseGapsOption(options.gaps);
  const overrides = deepConfigOverrides(options);
  const rawConfig = options.config ? readConfigJson(options.config) : {};
  const configs = new Map(names.map((name) => [name, resolveDeepConfigWithFlags(rawConfig, overrides, name)]));
  const windowLength = configs.get(names[0])!.model.windowLength;

  const out = (text: string) => process.stdout.write(`${text}\n`);
  const backend = await selectBackend(options.backend as BackendChoice);
  out(`backend        ${backend.description}`);
  const candleCount = parseIntegerOption('--candles', options.candles, 500, 10_000_000);
  const { candles, description } = loadCandles({ data: options.data, synthetic: { count: candleCount, seed: 7 } });
  const dataset = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength, gapPolicy: gaps });
  const split = chronologicalSplit(dataset.ends, { train: 0.6, validation: 0.2, test: 0.2 }, { windowLength });
  const normalisation = fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(split.train.map((i) => dataset.ends[i]), windowLength));
  normaliseRows(dataset.features, normalisation);
  out(`data           ${description}: ${candles.length} candles, gaps ${dataset.gaps} (${dataset.filled} filled, policy ${gaps})`);
  out(`samples        train ${split.train.length} / validation ${split.validation.length} / test ${split.test.length}, window ${windowLength} x ${dataset.featureCount}`);

  await mkdir(options.out, { recursive: true });
  await writeJson(join(options.out, 'dataset.json'), {
    source: description,
    featureSpec: DEFAULT_FEATURE_SPEC,
    windowLength,
    gapPolicy: gaps,
    normalisation,
    split: { train: split.train.length, validation: split.validation.length, test: split.test.length },
    seed,
  });

  const labelsOf = (samples: readonly number[]) => samples.map((i) => dataset.labels[i]);
  const score = (pBuy: (samples: number[]) => ArrayLike<number>, samples: number[]) => (samples.length > 0 ? accuracy(pBuy(samples), labelsOf(samples)) : null);
  const baselines: ScoreLine[] = [
    { name: 'majority class', validation: score((s) => majorityClass(dataset, split.train, s), split.validation), test: score((s) => majorityClass(dataset, split.train, s), split.test) },
    { name: 'reverse last candle', validation: score((s) => reverseLastCandle(dataset, s), split.validation), test: score((s) => reverseLastCandle(dataset, s), split.test) },
  ];

  const abstainCoverage = parseNumberOption('--abstain-coverage', options.abstainCoverage, 0.01, 1);
  const lines: ScoreLine[] = [];
  const summary: Record<string, unknown>[] = [];
  const members: ArtifactMember[] = [];
  for (const trainer of trainers) {
    const config = configs.get(trainer.name)!;
    const modelDir = join(options.out, trainer.name);
    const display = createProgressDisplay(process.stderr);
    const started = performance.now();
    const trained = await trainer.train({ dataset, train: split.train, validation: split.validation, seed }, { config, workDir: modelDir, resume: options.resume === true }, display.progress);
    display.close();
    try {
      const pValidation = await trained.predict(dataset, split.validation);
      const pTest = await trained.predict(dataset, split.test);
      const validation = split.validation.length > 0 ? accuracy(pValidation, labelsOf(split.validation)) : null;
      const test = split.test.length > 0 ? accuracy(pTest, labelsOf(split.test)) : null;
      members.push({ name: trainer.name, export: exportMember(trained), validation: pValidation, test: pTest });
      await trained.save(modelDir);
      const metricsPath = join(modelDir, 'metrics.json');
      const metrics = {
        ...(JSON.parse(await readFile(metricsPath, 'utf8')) as Record<string, unknown>),
        validationAccuracy: validation,
        testAccuracy: test,
        samples: { train: split.train.length, validation: split.validation.length, test: split.test.length },
        baselines: Object.fromEntries(baselines.map((b) => [b.name, { validation: b.validation, test: b.test }])),
        wallSeconds: (performance.now() - started) / 1000,
      };
      await writeJson(metricsPath, metrics);
      lines.push({ name: trainer.name, validation, test });
      summary.push(metrics);
    } finally {
      trained.dispose();
    }
  }
  out('building the artifact: ensemble, calibration and abstain band on validation; int8 weights checked against fp32 on test...');
  const built = await buildArtifact({
    dataset,
    normalisation,
    split,
    members,
    abstainTarget: { kind: 'coverage', value: abstainCoverage },
    training: { dataHash: hashCandles(candles), from: new Date(candles[0].time).toISOString(), to: new Date(candles[candles.length - 1].time).toISOString(), candles: candles.length },
    trainerCommit: trainerCommit(),
    metrics: { models: Object.fromEntries(summary.map((m) => [String(m.model), m])), baselines: Object.fromEntries(baselines.map((b) => [b.name, { validation: b.validation, test: b.test }])) },
  });
  const artifactDir = join(options.out, 'artifact');
  await writeArtifactDirectory(artifactDir, built.packed);
  lines.push({ name: `ensemble (${String((built.packed.manifest.ensemble as { method: string }).method)})`, validation: null, test: built.scores.ensemble.accuracy });
  const serving = built.serving;
  await writeJson(join(options.out, 'summary.json'), { models: summary, baselines, artifact: { version: built.packed.version, dir: artifactDir, serving, test: built.scores } });
  out('');
  out(`${'accuracy'.padEnd(22)}${'validation'.padStart(12)}${'test'.padStart(10)}`);
  for (const line of [...lines, ...baselines]) {
    out(`${line.name.padEnd(22)}${pct(line.validation).padStart(12)}${pct(line.test).padStart(10)}`);
  }
  out(`(same samples for every line: validation ${split.validation.length}, test ${split.test.length}; wrote ${options.out})`);
  out('');
  out(`artifact       ${built.packed.version.slice(0, 12)} in ${artifactDir} (${serving.precision} weights, ${formatBytes(built.packed)})`);
  out(
    `serving check  ${serving.passed ? 'passed' : 'FAILED'}: served signals agree with fp32 on ${(100 * serving.signalAgreement).toFixed(2)}% of ${serving.windows} test windows, ` +
      `accuracy ${(100 * serving.accuracyServed).toFixed(2)}% vs ${(100 * serving.accuracyFp32).toFixed(2)}% (gate: >= 99.5% and <= 0.2 points)`,
  );
  out(`publish it     npx candlecast publish ${artifactDir} --tag stable`);
}

function formatBytes(packed: { blobs: Map<string, Uint8Array> }): string {
  const bytes = [...packed.blobs.values()].reduce((sum, blob) => sum + blob.byteLength, 0);
  return `${(bytes / 2 ** 20).toFixed(2)} MiB of blobs`;
}

function pct(value: number | null): string {
  return value === null ? '-' : `${(100 * value).toFixed(2)}%`;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}
