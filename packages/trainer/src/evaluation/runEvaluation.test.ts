import { DEFAULT_FEATURE_SPEC, generateCandles } from '@candlecast/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../report/renderReportHtml';
import { renderSummaryTable } from '../report/renderSummaryTable';
import type { Report } from '../report/Report';
import { TINY_MODEL } from '../training/testFixtures';
import { TRAINERS } from '../training/trainers';
import { ENSEMBLE_ABSTAIN } from './backtestEvaluation';
import { runEvaluation, type EvaluationResult } from './runEvaluation';

const WINDOW = 30;
const EMBARGO = 10;

/**
 * One tiny evaluation shared by the tests: 3,000 generated candles with a planted bid-ask bounce
 * (reverse-last-candle ~62%), two folds, small trees and a one-epoch LSTM of 4 units.
 */
let result: EvaluationResult;
let report: Report;
beforeAll(async () => {
  const candles = generateCandles({ count: 3000, seed: 11, bounce: 2 });
  result = await runEvaluation({
    candles,
    data: { hash: 'a'.repeat(64), source: 'test market' },
    trainers: [TRAINERS.rf, TRAINERS.gbdt, TRAINERS.lstm],
    modelConfigs: {
      rf: { trees: 20 },
      gbdt: { rounds: 40 },
      lstm: { config: { model: { ...TINY_MODEL, recurrentUnits: [4] }, training: { epochs: 1, samplesPerEpoch: 256, batchSize: 32 } } },
    },
    forestConfig: { trees: 20 },
    windowLength: WINDOW,
    gapPolicy: 'fail',
    folds: 2,
    embargo: EMBARGO,
    validationFraction: 0.2,
    seed: 5,
    costs: [
      { feeBps: 0, spreadBps: 0 },
      { feeBps: 7.5, spreadBps: 1 },
    ],
    suspicionThreshold: 0.58,
    importanceSamples: 150,
    abstainCoverage: 0.5,
    bootstrapResamples: 200,
  });
  report = result.report;
});

describe('runEvaluation', () => {
  it('fills every field of report.json with sane values, models and baselines on the same samples', () => {
    expect(Object.keys(report).sort()).toEqual(
      ['abstain', 'backtest', 'baselines', 'config', 'createdAt', 'data', 'featureImportance', 'folds', 'leakage', 'models', 'wallSeconds'].sort(),
    );
    expect(report.data).toMatchObject({ hash: 'a'.repeat(64), candles: 3000, from: '2024-01-01T00:00:00.000Z' });
    const scored = report.folds.reduce((sum, f) => sum + f.testSamples, 0);
    expect(Object.keys(report.models)).toEqual(['rf', 'gbdt', 'lstm', 'ensemble']);
    for (const entry of [...Object.values(report.models), ...Object.values(report.baselines)]) {
      expect(entry).not.toBeNull();
      expect(entry!.samples).toBe(scored);
      expect(entry!.accuracy).toBeGreaterThanOrEqual(0);
      expect(entry!.accuracy).toBeLessThanOrEqual(1);
    }
    for (const model of Object.values(report.models)) {
      expect(model.brier).toBeGreaterThan(0);
      expect(model.folds.accuracy.min).toBeLessThanOrEqual(model.folds.accuracy.max);
      expect(model.confusion.flat().reduce((a, b) => a + b, 0)).toBe(scored);
    }
    expect(report.models.rf.gainOverBestBaseline.baseline).not.toBe('randomForest');
    expect(Object.keys(report.backtest).sort()).toEqual(['ensemble', ENSEMBLE_ABSTAIN, 'followLast', 'gbdt', 'lstm', 'majority', 'reverseLast', 'rf'].sort());
    for (const levels of Object.values(report.backtest)) expect(levels.map((l) => [l.feeBps, l.spreadBps])).toEqual([[0, 0], [7.5, 1]]);
    expect(Object.keys(report.featureImportance)).toEqual(['rf', 'gbdt', 'lstm', 'ensemble']);
    for (const drops of Object.values(report.featureImportance)) expect(Object.keys(drops)).toEqual(DEFAULT_FEATURE_SPEC.names);
    expect(report.config).toMatchObject({ folds: 2, embargo: EMBARGO, windowLength: WINDOW, permutationImportance: { fold: 2, samples: 150 } });
    expect(report.abstain!.coverage).toBeLessThan(1);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('scores consecutive, non-overlapping test blocks; every label a fold learns from is read before its test windows start', () => {
    const { plans, dataset } = result;
    const ends = dataset.ends;
    expect(plans).toHaveLength(2);
    expect(plans[1].test[0]).toBe(plans[0].test[plans[0].test.length - 1] + 1);
    for (const plan of plans) {
      plan.test.forEach((sample, k) => k > 0 && expect(sample).toBe(plan.test[k - 1] + 1));
      const firstTestWindowRow = ends[plan.test[0]] - WINDOW + 1;
      // The label of sample i reads row ends[i] + 1; purge + embargo keep EMBARGO rows more between.
      expect(Math.max(...plan.history.map((i) => ends[i] + 1))).toBeLessThan(firstTestWindowRow - EMBARGO);
      const firstValidationWindowRow = ends[plan.validation[0]] - WINDOW + 1;
      expect(Math.max(...plan.train.map((i) => ends[i] + 1))).toBeLessThan(firstValidationWindowRow - EMBARGO);
      expect(plan.scored.every((i) => dataset.labels[i] === 0 || dataset.labels[i] === 1)).toBe(true);
    }
    for (const fold of report.folds) expect(fold.lastLabelRead! < fold.firstTestWindowFrom!).toBe(true);
  });

  it('finds the planted signal, warns above the suspicion threshold, and the shuffled-label canary stays at the majority rate', () => {
    const majority = report.baselines.majority.accuracy;
    // The planted bounce is learnable: real labels lift rf far above the majority rate...
    expect(report.models.rf.accuracy).toBeGreaterThan(majority + 0.07);
    expect(report.leakage.warnings.some((w) => w.startsWith('rf: accuracy'))).toBe(true);
    // ...shuffled labels do not.
    expect(Math.abs(report.leakage.shuffledLabelAccuracy! - majority)).toBeLessThan(0.04);
    expect(report.leakage.warnings.some((w) => w.includes('shuffled labels'))).toBe(false);
  });

  it('flags the planted next-candle feature, passes the real ones, and the positive control exploits the leak', () => {
    expect(report.leakage.leakedFeature.detectedByLookAheadCheck).toBe(true);
    expect(report.leakage.lookAheadFailures).toEqual([]);
    expect(report.leakage.leakedFeature.accuracy).toBeGreaterThan(0.95);
  });

  it('names every model and baseline in the HTML page and the terminal summary', () => {
    const html = renderReportHtml(report);
    const summary = renderSummaryTable(report);
    for (const name of [...Object.keys(report.models), ...Object.keys(report.baselines)]) expect(html).toContain(`data-row="${name}"`);
    for (const name of [...Object.keys(report.models), 'majority class', 'reverse last candle', 'follow last candle', 'random forest']) {
      expect(summary).toMatch(new RegExp(`^${name}[ *]`, 'm'));
    }
    expect(html).toContain(ENSEMBLE_ABSTAIN);
  });
});
