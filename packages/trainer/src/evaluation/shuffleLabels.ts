import { SeededRandom } from '@candlecast/shared';

/**
 * The shuffled-label canary: a seeded permutation of the training labels (a copy). A model trained
 * on them has nothing real to learn, so scored on the true test labels it must land at the
 * majority-class rate; anything clearly above means information reaches the model some other way
 * (overlapping train/test windows, features computed with the future, statistics fitted on test).
 */
export function shuffleLabels(labels: Int8Array, seed: number): Int8Array {
  return new SeededRandom(seed).shuffle(Int8Array.from(labels));
}
