/**
 * Walk-forward evaluation of the tree models on candle files, next to the baselines on exactly the
 * same scored samples:
 *
 *   npx tsx packages/trainer/bench/treesWalkForward.ts [--folds 5] [--out results.json] <candles.csv> ...
 *
 * Per fold (walkForwardFolds, expanding window, purged): normalisation is fitted on the fold's
 * training rows only; the last 20% of those rows (purged) is an inner validation block that
 * early-stops gbdt, fits the calibrations, chooses the rf+gbdt ensemble and the abstain band; rf
 * and gbdt train on the rest. Scores are on the fold's test block. Gap policy: fill.
 */
import { writeFileSync } from 'node:fs';
import {
  accuracy,
  brierScore,
  buildDataset,
  calibrateProbabilities,
  combineProbabilityArrays,
  DEFAULT_FEATURE_SPEC,
  expectedCalibrationError,
  fitNormalisation,
  majorityClass,
  normaliseRows,
  purgeBoundary,
  purgeTraining,
  reverseLastCandle,
  rowsCoveredBy,
  toSignal,
  walkForwardFolds,
  type Calibration,
  type Dataset,
} from '@candlecast/shared';
import { chooseAbstainBand, coveragePrecisionCurve } from '../src/calibration/abstainBand';
import { fitCalibration } from '../src/calibration/fitCalibration';
import { loadCandles } from '../src/data/loadCandles';
import { chooseEnsemble } from '../src/ensemble/chooseEnsemble';
import { heldOutPredictions } from '../src/ensemble/OutOfFoldPredictions';
import { gradientBoostingTrainer } from '../src/trees/gradientBoostingTrainer';
import { randomForestTrainer } from '../src/trees/randomForestTrainer';
import type { TrainedModel } from '../src/training/ModelTrainer';

const WINDOW = 60;
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const folds = Number(option('--folds', '5'));
const outPath = option('--out', '');
const files = args;
if (files.length === 0) {
  process.stderr.write('usage: treesWalkForward.ts [--folds 5] [--out file.json] <candles.csv> ...\n');
  process.exit(2);
}

type Scored = { p: Float32Array; labels: Int8Array };
const join = (parts: Scored[]): Scored => ({ p: Float32Array.from(parts.flatMap((x) => Array.from(x.p))), labels: Int8Array.from(parts.flatMap((x) => Array.from(x.labels))) });
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

const report: Record<string, unknown> = {};
for (const file of files) {
  const started = performance.now();
  const { candles } = loadCandles({ data: file });
  const raw = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength: WINDOW, gapPolicy: 'fill' });
  const labelsOf = (samples: readonly number[]) => Int8Array.from(samples, (s) => raw.labels[s]);
  const series: Record<string, Scored[]> = {};
  const add = (name: string, p: Float32Array, samples: readonly number[]) => (series[name] ??= []).push({ p, labels: labelsOf(samples) });
  const foldLines: Record<string, unknown>[] = [];
  const bands: { margin: number; testSignals: number; testCorrect: number; test: number }[] = [];

  for (const fold of walkForwardFolds(raw.ends, { folds, windowLength: WINDOW })) {
    const dataset: Dataset = { ...raw, features: raw.features.slice() };
    normaliseRows(dataset.features, fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(fold.train.map((i) => dataset.ends[i]), WINDOW)));
    const innerStart = Math.floor(fold.train.length * 0.8);
    const validation = fold.train.slice(innerStart);
    const train = purgeTraining(fold.train.slice(0, innerStart), dataset.ends, purgeBoundary(dataset.ends[validation[0]], { windowLength: WINDOW }));
    const data = { dataset, train, validation, seed: 1 };
    const t0 = performance.now();
    const rf = await randomForestTrainer.train(data, {});
    const t1 = performance.now();
    const gbdt = await gradientBoostingTrainer.train(data, {});
    const t2 = performance.now();
    const models: TrainedModel[] = [rf, gbdt];
    const valLabels = labelsOf(validation);
    const test = fold.test;

    add('majority class', majorityClass(dataset, fold.train, test), test);
    add('reverse last candle', reverseLastCandle(dataset, test), test);
    const testPredictions: Record<string, Float32Array> = {};
    for (const model of models) {
      const pVal = await model.predict(dataset, validation);
      const pTest = await model.predict(dataset, test);
      testPredictions[model.name] = pTest;
      add(model.name, pTest, test);
      for (const method of ['platt', 'temperature', 'isotonic'] as const) {
        const calibration: Calibration = fitCalibration(method, pVal, valLabels);
        add(`${model.name} + ${method}`, calibrateProbabilities(calibration, pTest), test);
      }
    }
    const oof = await heldOutPredictions(models, dataset, train, validation);
    const { config } = chooseEnsemble(oof);
    const pEnsembleVal = combineProbabilityArrays(config, oof.predictions, validation.length).pBuy;
    const ensembleCalibration = fitCalibration('platt', pEnsembleVal, valLabels);
    const pEnsembleTest = calibrateProbabilities(ensembleCalibration, combineProbabilityArrays(config, testPredictions, test.length).pBuy);
    add('rf+gbdt ensemble + platt', pEnsembleTest, test);
    const band = chooseAbstainBand(calibrateProbabilities(ensembleCalibration, pEnsembleVal), valLabels, { kind: 'coverage', value: 0.5 });
    const testLabels = labelsOf(test);
    let signals = 0;
    let correct = 0;
    pEnsembleTest.forEach((p, i) => {
      const signal = toSignal(p, band);
      if (signal === 'HOLD') return;
      signals++;
      correct += (signal === 'BUY' ? 1 : 0) === testLabels[i] ? 1 : 0;
    });
    bands.push({ margin: band.margin, testSignals: signals, testCorrect: correct, test: test.length });
    foldLines.push({
      fold: fold.index,
      train: train.length,
      validation: validation.length,
      test: test.length,
      rfSeconds: round((t1 - t0) / 1000, 1),
      gbdtSeconds: round((t2 - t1) / 1000, 1),
      gbdtTrees: (gbdt as unknown as { training: { trees: number } }).training.trees,
      ensemble: config.method === 'stacking' ? { method: 'stacking', coefficients: config.coefficients.map((c) => round(c, 3)), models: config.models } : config,
      ...Object.fromEntries(Object.entries(series).map(([name, parts]) => [name, round(accuracy(parts.at(-1)!.p, parts.at(-1)!.labels))])),
    });
    process.stderr.write(`${file.split('/').pop()} fold ${fold.index + 1}/${folds}: rf ${((t1 - t0) / 1000).toFixed(1)} s, gbdt ${((t2 - t1) / 1000).toFixed(1)} s\n`);
  }

  const scores = Object.fromEntries(
    Object.entries(series).map(([name, parts]) => {
      const all = join(parts);
      return [name, { accuracy: round(accuracy(all.p, all.labels)), brier: round(brierScore(all.p, all.labels)), ece: round(expectedCalibrationError(all.p, all.labels)) }];
    }),
  );
  const ensembleAll = join(series['rf+gbdt ensemble + platt']);
  const curve = coveragePrecisionCurve(ensembleAll.p, ensembleAll.labels);
  const curveAt = [1, 0.8, 0.6, 0.4, 0.2, 0.1, 0.05].map((target) => {
    const point = [...curve].reverse().find((c) => c.coverage >= target) ?? curve[0];
    return { coverage: round(point.coverage), margin: round(point.margin), precision: round(point.precision) };
  });
  const bandSignals = bands.reduce((a, b) => a + b.testSignals, 0);
  const bandCorrect = bands.reduce((a, b) => a + b.testCorrect, 0);
  const scored = ensembleAll.labels.length;
  report[file] = {
    samples: raw.ends.length,
    scored,
    filledCandles: raw.filled,
    folds: foldLines,
    scores,
    abstain: {
      rule: 'band chosen per fold on the inner validation block for 50% coverage, applied to the test block',
      margins: bands.map((b) => round(b.margin)),
      testCoverage: round(bandSignals / scored),
      testPrecision: round(bandCorrect / bandSignals),
    },
    coverageCurveOnTest: curveAt,
    seconds: round((performance.now() - started) / 1000, 1),
  };

  process.stdout.write(`\n== ${file}\n   ${raw.ends.length} samples (${raw.filled} filled candles), ${folds} walk-forward folds, ${scored} scored test samples\n`);
  process.stdout.write(`   ${'model'.padEnd(30)}${'accuracy'.padStart(10)}${'brier'.padStart(9)}${'ece'.padStart(9)}\n`);
  for (const [name, s] of Object.entries(scores)) process.stdout.write(`   ${name.padEnd(30)}${pct(s.accuracy).padStart(10)}${s.brier.toFixed(4).padStart(9)}${s.ece.toFixed(4).padStart(9)}\n`);
  process.stdout.write(`   abstain band (50% coverage on validation): test coverage ${pct(bandSignals / scored)}, precision ${pct(bandCorrect / bandSignals)}\n`);
  process.stdout.write(`   coverage-precision on test (ensemble): ${curveAt.map((c) => `${pct(c.coverage)}->${pct(c.precision)}`).join(', ')}\n`);
}
if (outPath) writeFileSync(outPath, `${JSON.stringify(report, null, 2)}\n`);
