import * as tf from '@tensorflow/tfjs';
import { SeededRandom } from '@candlecast/shared';

/**
 * Overwrites every weight of `model` with uniform values in [-scale, scale) drawn from `seed`:
 * reproducible, non-trivial weights for kernel parity checks (trained weights are not needed to
 * prove the math, and freshly initialised biases are all zero, which would hide bias bugs).
 */
export function seedWeights(model: tf.LayersModel, seed: number, scale = 0.5): void {
  const random = new SeededRandom(seed);
  const next = model.getWeights().map((weight) => {
    const values = new Float32Array(weight.size);
    for (let i = 0; i < values.length; i++) values[i] = (2 * random.next() - 1) * scale;
    return tf.tensor(values, weight.shape);
  });
  model.setWeights(next);
  tf.dispose(next);
}

/** `count` windows `[count, W, F]` of standard normal values, row-major. */
export function seededWindows(count: number, windowLength: number, featureCount: number, seed: number): Float32Array {
  const random = new SeededRandom(seed);
  const values = new Float32Array(count * windowLength * featureCount);
  for (let i = 0; i < values.length; i++) values[i] = random.normal();
  return values;
}
