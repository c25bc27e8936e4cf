/*
 * MaskedAveragePooling: the mean over the real time steps of a sequence (tfjs's
 * GlobalAveragePooling1D rejects masks). No weights. The edge kernel in
 * packages/shared/src/model/kernels/ must reproduce exactly this.
 *
 *   input  X [batch, T, D], mask m [batch, T] bool (absent = all steps real)
 *   output Y [batch, D]:  Y[d] = sum_t m_t * X[t, d] / sum_t m_t       (m_t as 0/1)
 *   Without a mask: Y[d] = sum_t X[t, d] / T. The output carries no mask.
 *   (Left-padded windows always end with a real step, so sum_t m_t >= 1.)
 *
 * Changing this math after the kernels exist needs a dated note here.
 */
import * as tf from '@tensorflow/tfjs';
import { maskFrom, singleShape, type BaseLayerArgs } from './layerArgs';

/** Mean over the real steps `[batch, T, D] -> [batch, D]`; see the top of this file. */
export class MaskedAveragePooling extends tf.layers.Layer {
  static readonly className = 'MaskedAveragePooling';

  constructor(args: BaseLayerArgs = {}) {
    super(args);
    this.supportsMasking = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = singleShape(inputShape);
    return [shape[0], shape[2]];
  }

  override computeMask(): tf.Tensor {
    // The output has no time axis left to mask (tfjs types the absent mask as a Tensor).
    return null as unknown as tf.Tensor;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const sequence = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const mask = maskFrom(kwargs);
      if (!mask) return tf.mean(sequence, 1);
      const weights = tf.expandDims(tf.cast(mask, 'float32'), 2);
      return tf.div(tf.sum(tf.mul(sequence, weights), 1), tf.sum(weights, 1));
    });
  }
}

tf.serialization.registerClass(MaskedAveragePooling);
