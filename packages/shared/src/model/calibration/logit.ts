/** Probabilities are kept this far from 0 and 1 before taking a logit, so logits stay finite (|z| < 16.2). */
export const PROBABILITY_EPSILON = 1e-7;

// One logistic function for all model code: the kernels' own, so trees, ensemble and kernels agree.
export { sigmoid } from '../kernels/activations';

/** log(p / (1 - p)), with p clamped to [PROBABILITY_EPSILON, 1 - PROBABILITY_EPSILON]. */
export function logit(p: number): number {
  const q = p < PROBABILITY_EPSILON ? PROBABILITY_EPSILON : p > 1 - PROBABILITY_EPSILON ? 1 - PROBABILITY_EPSILON : p;
  return Math.log(q / (1 - q));
}
