import { SUSPICIOUS_ACCURACY, suspicion } from './suspicion';

/** What the canaries measured, as the evaluation collects it. */
export interface LeakageEvidence {
  /** Test accuracy per model (fractions). */
  modelAccuracies: Record<string, number>;
  /** The best baseline on the same test samples, for context in warnings. */
  bestBaseline?: { name: string; accuracy: number };
  /**
   * Test accuracy of a model trained on shuffled labels, and the majority-class rate it should match.
   * With `repeatAccuracies` (one per independent permutation; `accuracy` is their mean) the chance
   * spread between permutations widens the standard error (see shuffledLabelCanary).
   */
  shuffledLabel?: { accuracy: number; majorityAccuracy: number; samples: number; repeatAccuracies?: readonly number[] };
  /** The planted look-ahead feature: did checkNoLookAhead flag it, and what a model fed it scored (null if not trained). */
  leakedFeature: { detectedByLookAheadCheck: boolean; accuracy: number | null };
  /** Real features that failed checkNoLookAhead (must be empty). */
  lookAheadFailures: readonly string[];
  threshold?: number;
}

/** A positive control below this means the pipeline cannot learn even a perfect signal. */
const POSITIVE_CONTROL_FLOOR = 0.75;

/**
 * Turns the canaries into warnings. Suspicious when: a model beats the suspicion threshold; the
 * shuffled-label model beats the majority rate by more than 3 standard errors; a real feature
 * changes when the future changes; the look-ahead check misses the planted leak; or a model fed the
 * planted leak cannot exploit it (then every accuracy here is in doubt, in either direction).
 */
export function assessLeakage(evidence: LeakageEvidence): { suspicious: boolean; warnings: string[] } {
  const warnings: string[] = [];
  const threshold = evidence.threshold ?? SUSPICIOUS_ACCURACY;
  for (const [model, accuracy] of Object.entries(evidence.modelAccuracies)) {
    const warning = suspicion(accuracy, threshold, { model, bestBaseline: evidence.bestBaseline });
    if (warning) warnings.push(warning);
  }
  const shuffled = evidence.shuffledLabel;
  if (shuffled) {
    const standardError = Math.sqrt((shuffled.majorityAccuracy * (1 - shuffled.majorityAccuracy)) / shuffled.samples + repeatVariance(shuffled.repeatAccuracies));
    if (shuffled.accuracy > shuffled.majorityAccuracy + 3 * standardError) {
      warnings.push(
        `A model trained on shuffled labels scored ${percent(shuffled.accuracy)}, above the majority rate ${percent(shuffled.majorityAccuracy)} ` +
          `by more than 3 standard errors (${percent(3 * standardError)}): information about the test labels reaches the model.`,
      );
    }
  }
  for (const feature of evidence.lookAheadFailures) {
    warnings.push(`Feature "${feature}" changes when future candles change: it looks ahead, and every model using it is invalid.`);
  }
  if (!evidence.leakedFeature.detectedByLookAheadCheck) {
    warnings.push('The look-ahead check did not flag the planted next-candle feature: the check itself is broken, so its passes mean nothing.');
  }
  const control = evidence.leakedFeature.accuracy;
  if (control !== null && control < POSITIVE_CONTROL_FLOOR) {
    warnings.push(
      `A model fed the planted next-candle return scored only ${percent(control)}: the training pipeline cannot exploit even a perfect signal.`,
    );
  }
  return { suspicious: warnings.length > 0, warnings };
}

/** Variance of the mean of the per-permutation accuracies (sample variance / count); 0 with fewer than two. */
function repeatVariance(accuracies: readonly number[] = []): number {
  const k = accuracies.length;
  if (k < 2) return 0;
  const mean = accuracies.reduce((sum, a) => sum + a, 0) / k;
  return accuracies.reduce((sum, a) => sum + (a - mean) ** 2, 0) / (k - 1) / k;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
