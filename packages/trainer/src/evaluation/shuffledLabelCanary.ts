import type { Dataset } from '@candlecast/shared';
import type { ModelTrainer } from '../training/ModelTrainer';
import type { FoldPlan } from './planFolds';
import { shuffleLabels } from './shuffleLabels';

/** Independent label permutations per fold (see shuffledLabelCanary). */
export const SHUFFLE_REPEATS = 5;

/**
 * The shuffled-label canary for one fold: `trainer` (the random forest) is trained on the fold's
 * training and validation samples with their labels permuted among themselves, then predicts the
 * fold's scored test samples. Nothing real is left to learn, so pooled over folds its accuracy
 * must sit at the coin-flip/majority level; clearly above means the test labels reach the model
 * through something other than the labels it was given.
 *
 * Where the features do predict the labels (a bid-ask bounce), one permutation still correlates
 * with them by chance, and a flexible model turns that into a test accuracy several points off
 * 50% in either direction: far wider than binomial noise. So the canary is run with `repeats`
 * independent permutations; the spread of their accuracies measures that null, and their mean is
 * the statistic. Returns p(BUY) of `plan.scored`, one array per permutation.
 */
export async function shuffledLabelCanary(dataset: Dataset, plan: FoldPlan, trainer: ModelTrainer, config: unknown, seed: number, repeats = SHUFFLE_REPEATS): Promise<Float32Array[]> {
  const pool = [...plan.train, ...plan.validation];
  const original = Int8Array.from(pool, (sample) => dataset.labels[sample]);
  const predictions: Float32Array[] = [];
  for (let r = 0; r < repeats; r++) {
    const permuted = shuffleLabels(original, seed + 7919 * r);
    const labels = Int8Array.from(dataset.labels);
    pool.forEach((sample, k) => (labels[sample] = permuted[k]));
    const model = await trainer.train({ dataset: { ...dataset, labels }, train: plan.train, validation: plan.validation, seed: seed + r }, config);
    try {
      predictions.push(await model.predict(dataset, plan.scored));
    } finally {
      model.dispose();
    }
  }
  return predictions;
}
