import * as tf from '@tensorflow/tfjs';
import { CandlecastError, materializeWindows, type Dataset } from '@candlecast/shared';
import { CROSS_ENTROPY_EPSILON, modelShape } from './trainStep';

/**
 * p(BUY) of a two-class softmax model for the given samples (indices into dataset.ends), in
 * order, predicted `batchSize` windows at a time (never one giant tensor). Leaves no tensors.
 */
export function predictProbabilities(model: tf.LayersModel, dataset: Dataset, samples: readonly number[], batchSize = 256): Float32Array {
  const { windowLength, featureCount } = modelShape(model);
  if (windowLength !== dataset.windowLength || featureCount !== dataset.featureCount) {
    throw new CandlecastError(
      'shape_mismatch',
      `model "${model.name}" takes windows of [${windowLength}, ${featureCount}], the dataset has [${dataset.windowLength}, ${dataset.featureCount}]`,
    );
  }
  const out = new Float32Array(samples.length);
  const buffer = new Float32Array(Math.min(batchSize, samples.length) * windowLength * featureCount);
  for (let start = 0; start < samples.length; start += batchSize) {
    const chunk = samples.slice(start, start + batchSize);
    const windows = materializeWindows(dataset.features, featureCount, windowLength, dataset.ends, chunk, buffer).subarray(0, chunk.length * windowLength * featureCount);
    const pBuy = tf.tidy(() => {
      const probabilities = model.predict(tf.tensor3d(windows, [chunk.length, windowLength, featureCount])) as tf.Tensor2D;
      return tf.squeeze(tf.slice(probabilities, [0, 1], [-1, 1]), [1]);
    });
    out.set(pBuy.dataSync(), start);
    pBuy.dispose();
  }
  return out;
}

/** Mean categorical cross-entropy (natural log, clipped like the training loss) of p(BUY) against 0/1 labels. */
export function crossEntropy(pBuy: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < pBuy.length; i++) {
    const p = labels[i] === 1 ? pBuy[i] : 1 - pBuy[i];
    sum -= Math.log(Math.min(Math.max(p, CROSS_ENTROPY_EPSILON), 1 - CROSS_ENTROPY_EPSILON));
  }
  return sum / pBuy.length;
}
