/*
 * LastStep: the newest step of a sequence (added during issue 3 after the first kernels were written;
 * a new layer, no existing math changed). No weights. The edge kernel in
 * packages/shared/src/model/kernels/ must reproduce exactly this.
 *
 *   input  X [batch, T, D] (mask ignored: left padding keeps step T-1 real)
 *   output Y [batch, D]:  Y[d] = X[T-1, d]. The output carries no mask.
 *
 * Why it exists: attention or mean pooling over 30-120 steps dilutes what the newest candle says
 * (and in one-minute data the newest candle says the most); the lstm-attention and transformer
 * models concatenate their pooled vector with this one.
 */
import * as tf from '@tensorflow/tfjs';
import { singleShape, type BaseLayerArgs } from './layerArgs';

/** The last time step `[batch, T, D] -> [batch, D]`; see the top of this file. */
export class LastStep extends tf.layers.Layer {
  static readonly className = 'LastStep';

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

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const sequence = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [batch, steps, depth] = sequence.shape;
      return tf.reshape(tf.slice(sequence, [0, steps - 1, 0], [batch, 1, depth]), [batch, depth]);
    });
  }
}

tf.serialization.registerClass(LastStep);
