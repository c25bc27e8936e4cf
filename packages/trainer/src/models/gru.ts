/*
 * The GRU variant of the reference architecture (same stack with GRU cells). Standard tfjs layers;
 * what the edge kernels need to know about tfjs's GRU (it is the original "reset before" GRU,
 * not Keras 2's resetAfter variant, and has a single bias):
 *
 * tfjs GRU weights, in getWeights() order: kernel [F_in, 3U], recurrent_kernel [U, 3U], bias [3U];
 * the 3U columns are z (update), r (reset), h (candidate), each U wide. With x_t the input row and
 * h the previous state (zeros at t = 0), sigmoid the logistic function (not hardSigmoid):
 *   x_z, x_r, x_h = split(x_t kernel + bias)
 *   z = sigmoid(x_z + h recurrent_kernel[:, z])
 *   r = sigmoid(x_r + h recurrent_kernel[:, r])
 *   hh = tanh(x_h + (r * h) recurrent_kernel[:, h])
 *   h' = z * h + (1 - z) * hh                                  output = h'
 * Masking and the dense head: as in lstm.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { classifierHead, dropout, modelInput, recurrentLayerArgs, SeedSequence, type BuildOptions } from './modelParts';

/** Builds the GRU classifier `[batch, W, F] -> [batch, 2]`. */
export function buildGru(options: BuildOptions): tf.LayersModel {
  const seeds = new SeedSequence(options.seed);
  const { input, x } = modelInput(options);
  const units = options.config.recurrentUnits;
  let h = x;
  units.forEach((u, i) => {
    const layer = tf.layers.gru(recurrentLayerArgs(u, i < units.length - 1, `gru_${i}`, seeds));
    h = dropout(layer.apply(h) as tf.SymbolicTensor, options.config.dropout, `dropout_${i}`);
  });
  return tf.model({ inputs: input, outputs: classifierHead(h, options, seeds), name: 'gru' });
}
