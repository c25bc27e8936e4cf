import type { ClassWeighting } from './TrainingConfig';

/**
 * Loss weights [SELL, BUY] for the training samples. `balanced` weighs each class by
 * n / (2 * n_class), so both classes carry the same total weight and the mean weight is 1;
 * with one class absent there is nothing to balance and both weights are 1.
 */
export function classWeights(labels: ArrayLike<number>, samples: readonly number[], weighting: ClassWeighting): [number, number] {
  if (weighting === 'none') return [1, 1];
  if (Array.isArray(weighting)) return [weighting[0], weighting[1]];
  let buys = 0;
  for (const i of samples) buys += labels[i] === 1 ? 1 : 0;
  const sells = samples.length - buys;
  if (sells === 0 || buys === 0) return [1, 1];
  return [samples.length / (2 * sells), samples.length / (2 * buys)];
}
