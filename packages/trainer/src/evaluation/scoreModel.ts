import {
  accuracy,
  brierScore,
  confusionMatrix,
  coverageCurve,
  expectedCalibrationError,
  pairedBootstrapDifference,
  precisionAtCoverage,
  precisionRecallF1,
  reliabilityBins,
  rocAuc,
  summarizeFolds,
  wilsonInterval,
  type PairedBootstrapOptions,
} from '@candlecast/shared';
import type { BaselineReport, CoverageKey, ModelReport } from '../report/Report';

export interface ScoreModelInput {
  /** p(BUY) per test sample, pooled over folds in sample order. */
  pBuy: ArrayLike<number>;
  /** 0/1 labels of the same samples. */
  labels: ArrayLike<number>;
  /** The best baseline's p(BUY) on the same samples, for the paired gain interval. */
  bestBaseline: { name: string; pBuy: ArrayLike<number> };
  /** The model's accuracy on each fold's test block. */
  foldAccuracies: readonly number[];
  bootstrap?: PairedBootstrapOptions;
}

/** Every per-model number of report.json from one model's pooled test predictions. */
export function scoreModel(input: ScoreModelInput): ModelReport {
  const { pBuy, labels } = input;
  const confusion = confusionMatrix(pBuy, labels);
  const gain = pairedBootstrapDifference(pBuy, input.bestBaseline.pBuy, labels, input.bootstrap);
  return {
    ...scoreBaseline(pBuy, labels),
    brier: brierScore(pBuy, labels),
    ece: expectedCalibrationError(pBuy, labels),
    rocAuc: rocAuc(pBuy, labels),
    precisionAtCoverage: precisionAtCoverage(pBuy, labels) as Record<CoverageKey, number>,
    classes: precisionRecallF1(confusion),
    confusion,
    reliability: reliabilityBins(pBuy, labels).map((bin) => ({
      ...bin,
      meanPredicted: bin.count ? bin.meanPredicted : null,
      observed: bin.count ? bin.observed : null,
    })),
    coverageCurve: coverageCurve(pBuy, labels),
    gainOverBestBaseline: { baseline: input.bestBaseline.name, value: gain.difference, ci95: gain.interval },
    folds: { accuracy: summarizeFolds(input.foldAccuracies) },
  };
}

/** Accuracy with its Wilson 95% interval: all a baseline row needs. */
export function scoreBaseline(pBuy: ArrayLike<number>, labels: ArrayLike<number>): BaselineReport {
  const value = accuracy(pBuy, labels);
  return { accuracy: value, accuracyCi95: wilsonInterval(Math.round(value * labels.length), labels.length), samples: labels.length };
}
