import type { ClassScores, ConfusionMatrix, CoveragePoint, FoldSummary } from '@candlecast/shared';

/**
 * report.json: everything `candlecast evaluate` measured, in one JSON document. Accuracies, rates
 * and returns are fractions (0.537 = 53.7%); a metric that is undefined for the data is null.
 */
export interface Report {
  /** ISO 8601 time the report was written. */
  createdAt: string;
  /** Wall-clock seconds the evaluation took. */
  wallSeconds: number;
  data: ReportData;
  /** The configuration that produced the report (CLI options, model configs), as given. */
  config: Record<string, unknown>;
  /** Walk-forward folds: every model's scores are pooled over their test blocks. */
  folds: ReportFold[];
  /** Deep models, trees and `ensemble`, by name. */
  models: Record<string, ModelReport>;
  baselines: {
    majority: BaselineReport;
    reverseLast: BaselineReport;
    followLast: BaselineReport;
    /** Null when the random forest was not trained. */
    randomForest: BaselineReport | null;
  };
  leakage: LeakageReport;
  /** Per strategy (models and baselines), one entry per cost level. */
  backtest: Record<string, BacktestReport[]>;
  /** Per model: feature name -> accuracy lost when that feature is permuted (fraction points). */
  featureImportance: Record<string, Record<string, number>>;
  /** Mean attention weight per window step, oldest first (attention models only). */
  attention?: number[];
  /** The ensemble traded with its abstain band (chosen per fold on validation), on the pooled scored test samples. */
  abstain?: AbstainReport;
}

export interface AbstainReport {
  /** Share of validation samples each fold's band was chosen to keep signalling. */
  targetCoverage: number;
  /** Share of scored test samples signalled (outside the band). */
  coverage: number;
  /** Accuracy of those signals; null when none. */
  precision: number | null;
  signals: number;
  samples: number;
}

export interface ReportData {
  /** sha256 hex of the candle file's bytes (or of the generated candles). */
  hash: string;
  candles: number;
  /** Open time of the first and last candle, ISO 8601. */
  from: string;
  to: string;
  /** File path or a description of the generated market. */
  source?: string;
}

export interface ReportFold {
  index: number;
  trainSamples: number;
  testSamples: number;
  /** Time of the first and last test candle, ISO 8601. */
  testFrom: string;
  testTo: string;
  /** Validation samples (the latest training samples: early stopping, ensemble, calibration, abstain band). */
  validationSamples?: number;
  /** Open time of the candle the fold's last training or validation label reads, ISO 8601. */
  lastLabelRead?: string;
  /** Open time of the first candle of the fold's first test window, ISO 8601: after `lastLabelRead`. */
  firstTestWindowFrom?: string;
  /** The ensemble candidate chosen on the validation block, and the abstain band's half-width. */
  ensemble?: string;
  abstainMargin?: number;
}

export type CoverageKey = '0.1' | '0.2' | '0.5' | '1';

export interface ModelReport {
  /** Test samples scored (pooled over folds). */
  samples: number;
  accuracy: number;
  /** Wilson 95% interval of the accuracy. */
  accuracyCi95: [number, number];
  brier: number;
  ece: number;
  rocAuc: number | null;
  /** Accuracy of the most confident 10/20/50/100% of signals. */
  precisionAtCoverage: Record<CoverageKey, number>;
  /** Precision, recall, F1 and support per class. */
  classes: { SELL: ClassScores; BUY: ClassScores };
  confusion: ConfusionMatrix;
  reliability: ReportReliabilityBin[];
  coverageCurve: CoveragePoint[];
  /** accuracy - best baseline's accuracy on the same samples, with a paired block-bootstrap 95% interval. */
  gainOverBestBaseline: { baseline: string; value: number; ci95: [number, number] };
  folds: { accuracy: FoldSummary };
}

/** A reliability bin as stored in JSON: means of an empty bin are null. */
export interface ReportReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanPredicted: number | null;
  observed: number | null;
}

export interface BaselineReport {
  accuracy: number;
  accuracyCi95: [number, number];
  samples: number;
}

export interface LeakageReport {
  /** Accuracy of a model trained on shuffled labels (should be the majority rate); null if not run. */
  shuffledLabelAccuracy: number | null;
  /** When the canary ran with several independent label permutations: each one's pooled accuracy (the above is their mean). */
  shuffledLabelAccuracies?: number[];
  leakedFeature: {
    /** Did checkNoLookAhead flag the planted next-candle feature (it must). */
    detectedByLookAheadCheck: boolean;
    /** Accuracy of a model fed the planted feature (should be near 1); null if not trained. */
    accuracy: number | null;
  };
  /** Real features that failed the look-ahead check (must be empty). */
  lookAheadFailures?: string[];
  suspicious: boolean;
  warnings: string[];
}

export interface BacktestReport {
  /** Cost level name, e.g. "10 bp fee + 2 bp spread". */
  label: string;
  feeBps: number;
  spreadBps: number;
  totalReturn: number;
  sharpe: number | null;
  maxDrawdown: number;
  hitRate: number | null;
  turnover: number;
  trades: number;
  meanTradeReturn: number | null;
  breakEvenAccuracy: number | null;
  /** Mean |next-candle return| over the traded candles, a fraction: the move the costs are weighed against. */
  meanAbsoluteMove: number | null;
  /** Equity from 1, downsampled to at most 500 points (first and last kept). */
  equity: number[];
}
