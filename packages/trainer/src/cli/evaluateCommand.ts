import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CandlecastError } from '@candlecast/shared';
import { BACKEND_CHOICES, selectBackend, type BackendChoice } from '../backend/selectBackend';
import { loadCandles } from '../data/loadCandles';
import { dataFingerprint } from '../evaluation/dataFingerprint';
import { layerConfig, QUICK_DEEP_CONFIG, splitEvaluationConfig } from '../evaluation/evaluationConfig';
import { EVALUATION_DEFAULTS } from '../evaluation/EvaluationOptions';
import { runEvaluation } from '../evaluation/runEvaluation';
import { renderReportHtml } from '../report/renderReportHtml';
import { renderSummaryTable } from '../report/renderSummaryTable';
import { readConfigJson } from '../training/DeepConfig';
import { createProgressDisplay, duration } from '../training/progressDisplay';
import { TRAINERS } from '../training/trainers';
import { deepConfigOverrides, parseGapsOption, parseModelsOption, resolveDeepConfigWithFlags } from './deepConfigOptions';
import { parseIntegerOption, parseNumberOption } from './options';

interface EvaluateOptions {
  data?: string;
  candles: string;
  config?: string;
  folds?: string;
  models: string;
  report: string;
  quick?: boolean;
  epochs?: string;
  samplesPerEpoch?: string;
  maxMinutesPerModel?: string;
  batchSize?: string;
  engine?: string;
  window?: string;
  gaps?: string;
  backend: string;
  seed: string;
  embargo: string;
  feeBps: string;
  spreadBps: string;
  suspicion: string;
  importanceSamples: string;
  abstainCoverage: string;
}

const D = EVALUATION_DEFAULTS;

/**
 * `candlecast evaluate`: the honest walk-forward evaluation (see runEvaluation). Writes
 * <report>/report.json and <report>/report.html and prints the summary table; progress and
 * timings go to stderr.
 */
export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('Walk-forward evaluation of models, ensemble and baselines on the same candles, with leakage canaries, a cost-aware backtest and feature importance.')
    .option('--data <file>', 'candles as CSV or JSON; default: a generated (synthetic) market')
    .option('--candles <n>', 'generated candles when --data is absent', '20000')
    .option('--config <file>', 'JSON config: { model, training, overrides: { <model>: {...} }, trees: { rf: {...}, gbdt: {...} } }')
    .option('--folds <n>', `walk-forward folds over the second half of the samples (default ${D.folds}; ${D.quickFolds} with --quick)`)
    .option('--models <list>', `comma-separated models; known: ${Object.keys(TRAINERS).join(', ')}`, D.models.join(','))
    .requiredOption('--report <dir>', 'output folder for report.json and report.html')
    .option('--quick', `smoke run: ${D.quickFolds} folds, 2 epochs of 1024 samples, small deep models (16/8 units, dense 8) unless the config or flags say otherwise`)
    .option('--epochs <n>', 'maximum epochs of every deep model, 1-100 (default: the config, else 50)')
    .option('--samples-per-epoch <n>', 'training samples drawn per epoch by deep models (default: the config, else all)')
    .option('--max-minutes-per-model <n>', 'time budget of each deep model in each fold, minutes (training stops after the batch that exceeds it)')
    .option('--batch-size <n>', 'deep training batch size (default 64)')
    .option('--engine <name>', 'deep training steps: auto (fast CPU engine for LSTM/GRU when its SIMD kernels load, else tfjs) | fast | tfjs')
    .option('--window <n>', 'candles per window, 30-120 (default 60)')
    .option('--gaps <policy>', 'missing candles: fail | fill | segment', 'fill')
    .option('--backend <name>', `tfjs backend: ${BACKEND_CHOICES.join(' | ')}`, 'auto')
    .option('--seed <n>', 'seed of models, canaries, subsampling and bootstrap', '42')
    .option('--embargo <rows>', 'extra candles between the last training label and the first test window, on top of the purge', String(D.embargo))
    .option('--fee-bps <bp>', 'exchange fee per unit traded, basis points, for the realistic cost level', String(D.feeBps))
    .option('--spread-bps <bp>', 'full bid-ask spread, basis points (half is paid per unit traded)', String(D.spreadBps))
    .option('--suspicion <accuracy>', 'pooled test accuracy (fraction) above which a model raises a leakage warning', String(D.suspicionThreshold))
    .option('--importance-samples <n>', 'last-fold test samples used for permutation importance and attention', String(D.importanceSamples))
    .option('--abstain-coverage <share>', "share of validation samples the ensemble's abstain band keeps signalling", String(D.abstainCoverage))
    .action(async (options: EvaluateOptions) => {
      await runEvaluate(options);
    });
}

async function runEvaluate(options: EvaluateOptions): Promise<void> {
  const trainers = parseModelsOption(options.models);
  if (!(BACKEND_CHOICES as readonly string[]).includes(options.backend)) {
    throw new CandlecastError('invalid_option', `--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${options.backend}"`);
  }
  const gapPolicy = parseGapsOption(options.gaps);
  const quick = options.quick === true;
  const folds = options.folds === undefined ? (quick ? D.quickFolds : D.folds) : parseIntegerOption('--folds', options.folds, 1, 50);
  const seed = parseIntegerOption('--seed', options.seed, 0, 2 ** 31 - 1);
  const embargo = parseIntegerOption('--embargo', options.embargo, 0, 100_000);
  const feeBps = parseNumberOption('--fee-bps', options.feeBps, 0, 10_000);
  const spreadBps = parseNumberOption('--spread-bps', options.spreadBps, 0, 10_000);
  const suspicionThreshold = parseNumberOption('--suspicion', options.suspicion, 0.5, 1);
  const importanceSamples = parseIntegerOption('--importance-samples', options.importanceSamples, 10, 1_000_000);
  const abstainCoverage = parseNumberOption('--abstain-coverage', options.abstainCoverage, 0.01, 1);
  const candleCount = parseIntegerOption('--candles', options.candles, 500, 10_000_000);
  const overrides = deepConfigOverrides(
    { window: options.window, epochs: options.epochs, batchSize: options.batchSize, maxMinutes: options.maxMinutesPerModel, samplesPerEpoch: options.samplesPerEpoch, engine: options.engine },
    '--max-minutes-per-model',
  );
  const file = splitEvaluationConfig(options.config ? readConfigJson(options.config) : undefined);
  const deepRaw = quick ? layerConfig(QUICK_DEEP_CONFIG, file.deep) : file.deep;
  const windowLength = resolveDeepConfigWithFlags(deepRaw, overrides).model.windowLength;
  const modelConfigs: Record<string, unknown> = { rf: file.trees.rf, gbdt: file.trees.gbdt };
  for (const trainer of trainers.filter((t) => t.family === 'deep')) {
    const config = resolveDeepConfigWithFlags(deepRaw, overrides, trainer.name);
    if (config.model.windowLength !== windowLength) {
      throw new CandlecastError('invalid_config', `every model must use the same window; ${trainer.name} has model.windowLength ${config.model.windowLength}, the others ${windowLength}`);
    }
    modelConfigs[trainer.name] = { config };
  }

  const started = performance.now();
  const log = (line: string) => process.stderr.write(`[${duration((performance.now() - started) / 1000).padStart(6)}] ${line}\n`);
  const backend = await selectBackend(options.backend as BackendChoice);
  log(`backend: ${backend.description}`);
  const { candles, description } = loadCandles({ data: options.data, synthetic: { count: candleCount, seed: 7 } });
  const { report } = await runEvaluation({
    candles,
    data: { hash: dataFingerprint(options.data, candles), source: description },
    trainers,
    modelConfigs: Object.fromEntries(trainers.map((t) => [t.name, modelConfigs[t.name]])),
    forestConfig: file.trees.rf,
    windowLength,
    gapPolicy,
    folds,
    embargo,
    validationFraction: D.validationFraction,
    seed,
    costs: [
      { feeBps: 0, spreadBps: 0 },
      { feeBps, spreadBps },
    ],
    suspicionThreshold,
    importanceSamples,
    abstainCoverage,
    recordedConfig: { command: commandLine(options), quick, backend: backend.name, configFile: options.config ?? null },
    log,
    trainingProgress: (model) => (TRAINERS[model]?.family === 'deep' ? createProgressDisplay(process.stderr) : undefined),
  });
  await mkdir(options.report, { recursive: true });
  await writeFile(join(options.report, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(options.report, 'report.html'), renderReportHtml(report));
  process.stdout.write(`${renderSummaryTable(report)}\n\nwrote ${join(options.report, 'report.json')} and report.html in ${duration(report.wallSeconds)}\n`);
}

/** The command with every option spelled out, defaults included: what reproduces the report. */
function commandLine(options: EvaluateOptions): string {
  const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const given = Object.entries(options).filter(([key]) => !(key === 'candles' && options.data !== undefined));
  const flags = given.map(([key, value]) => (value === true ? `--${kebab(key)}` : `--${kebab(key)} ${value}`));
  return ['candlecast evaluate', ...flags].join(' ');
}
