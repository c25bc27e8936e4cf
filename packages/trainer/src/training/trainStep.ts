import * as tf from '@tensorflow/tfjs';
import type { Batch } from './batches';

/** Probabilities are clipped to [EPSILON, 1 - EPSILON] before the log, as Keras does. */
export const CROSS_ENTROPY_EPSILON = 1e-7;

/** Loss and accuracy of one training step, measured on the batch before the update. */
export interface StepResult {
  loss: number;
  correct: number;
}

/**
 * One Adam step on a batch: class-weighted categorical cross-entropy,
 * loss = mean_i(w_i * -log p_i[label_i]), with dropout active. Leaves no tensors behind.
 */
export function trainStep(model: tf.LayersModel, optimizer: tf.Optimizer, batch: Batch): StepResult {
  const { windowLength, featureCount } = modelShape(model);
  let correct = 0;
  const loss = tf.tidy(() => {
    const x = tf.tensor3d(batch.windows, [batch.size, windowLength, featureCount]);
    const y = tf.tensor2d(batch.targets, [batch.size, 2]);
    const w = tf.tensor1d(batch.weights);
    const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => {
      const probabilities = model.apply(x, { training: true }) as tf.Tensor2D;
      correct = tf.sum(tf.cast(tf.equal(tf.argMax(probabilities, 1), tf.argMax(y, 1)), 'int32')).dataSync()[0];
      const perSample = tf.neg(tf.sum(tf.mul(y, tf.log(tf.clipByValue(probabilities, CROSS_ENTROPY_EPSILON, 1 - CROSS_ENTROPY_EPSILON))), 1));
      return tf.mean(tf.mul(perSample, w)) as tf.Scalar;
    }, variables);
    optimizer.applyGradients(grads);
    return value;
  });
  const result = { loss: loss.dataSync()[0], correct };
  loss.dispose();
  return result;
}

/** W and F of a model's `[batch, W, F]` input. */
export function modelShape(model: tf.LayersModel): { windowLength: number; featureCount: number } {
  const shape = model.inputs[0].shape;
  return { windowLength: shape[1] as number, featureCount: shape[2] as number };
}
