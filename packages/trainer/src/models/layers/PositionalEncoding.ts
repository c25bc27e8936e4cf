/*
 * PositionalEncoding: adds the fixed sinusoidal encoding of Vaswani et al. (2017) to a sequence.
 * No weights. The edge kernel in packages/shared/src/model/kernels/ must reproduce exactly this.
 *
 *   input   X  [batch, T, D]          mask (if any) passes through unchanged
 *   position of step t (0-based, oldest first):  p = T - 1 - t
 *     -> the newest candle is always p = 0, whatever T or the padding (an "age in candles").
 *   for d in 0..D-1, with i = floor(d / 2):
 *     angle    = p / 10000^(2i / D)                       (computed in float64, stored as float32)
 *     PE[t, d] = sin(angle) if d is even, cos(angle) if d is odd
 *   output  Y[t, d] = X[t, d] + PE[t, d]                  (no scaling of X)
 *
 * Changing this math after the kernels exist needs a dated note here.
 */
import * as tf from '@tensorflow/tfjs';
import { singleShape, type BaseLayerArgs } from './layerArgs';

/** The `[T, D]` sinusoidal table: row t encodes step t of a T-step window (position T - 1 - t). */
export function positionalEncodingTable(steps: number, depth: number): Float32Array {
  const table = new Float32Array(steps * depth);
  for (let t = 0; t < steps; t++) {
    const position = steps - 1 - t;
    for (let d = 0; d < depth; d++) {
      const angle = position / Math.pow(10000, (2 * Math.floor(d / 2)) / depth);
      table[t * depth + d] = d % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return table;
}

/** Adds the sinusoidal position of each step (newest = 0) to `[batch, T, D]`; see the top of this file. */
export class PositionalEncoding extends tf.layers.Layer {
  static readonly className = 'PositionalEncoding';

  constructor(args: BaseLayerArgs = {}) {
    super(args);
    this.supportsMasking = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return singleShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const sequence = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [, steps, depth] = sequence.shape;
      return tf.add(sequence, tf.tensor2d(positionalEncodingTable(steps, depth), [steps, depth]));
    });
  }
}

tf.serialization.registerClass(PositionalEncoding);
