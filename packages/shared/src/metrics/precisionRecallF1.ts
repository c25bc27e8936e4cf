import type { ConfusionMatrix } from './confusionMatrix';

/** Scores of one class. A ratio with a zero denominator is null (undefined), never a made-up 0. */
export interface ClassScores {
  /** Of the candles called this class, the share that were this class; null when never called. */
  precision: number | null;
  /** Of the candles that were this class, the share called this class; null when the class never occurred. */
  recall: number | null;
  /** Harmonic mean of precision and recall; null when either is null, 0 when both are 0. */
  f1: number | null;
  /** Candles that were this class. */
  support: number;
}

/** Precision, recall and F1 of SELL and BUY from a `[actual][predicted]` confusion matrix. */
export function precisionRecallF1(confusion: ConfusionMatrix): { SELL: ClassScores; BUY: ClassScores } {
  return { SELL: scoresOf(confusion, 0), BUY: scoresOf(confusion, 1) };
}

function scoresOf(confusion: ConfusionMatrix, k: 0 | 1): ClassScores {
  const other = k === 0 ? 1 : 0;
  const truePositives = confusion[k][k];
  const called = truePositives + confusion[other][k];
  const support = truePositives + confusion[k][other];
  const precision = called > 0 ? truePositives / called : null;
  const recall = support > 0 ? truePositives / support : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support };
}
