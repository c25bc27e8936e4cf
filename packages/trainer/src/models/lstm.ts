/*
 * The reference LSTM. Standard tfjs layers only; what the edge kernels need to know about them:
 *
 *   [W, F] (-> Masking if minHistory < W) -> LSTM u0 (sequences) -> Dropout -> LSTM u1 (last) ->
 *   Dropout -> Dense denseUnits relu -> Dense 2 softmax ([p(SELL), p(BUY)])
 *   (recurrentUnits has one entry per LSTM; all but the last return sequences.)
 *
 * tfjs LSTM weights, in getWeights() order: kernel [F_in, 4U], recurrent_kernel [U, 4U], bias [4U];
 * the 4U columns are the gates in the order i, f, c, o (each U wide). With x_t the input row,
 * h, c the previous state (zeros at t = 0), sigmoid = 1 / (1 + exp(-z)) (not hardSigmoid):
 *   z = x_t kernel + h recurrent_kernel + bias
 *   i = sigmoid(z_i), f = sigmoid(z_f), o = sigmoid(z_o)
 *   c' = f * c + i * tanh(z_c),  h' = o * tanh(c')            output = h'
 * The forget-gate bias starts at 1 (Keras's unitForgetBias; set after building, see setForgetBias);
 * it is an ordinary trained weight after that.
 * Dense: y = x kernel + bias (kernel [in, out]); softmax over the 2 outputs. Dropout is identity at
 * inference. Masking: see historyPadding.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { classifierHead, dropout, modelInput, recurrentLayerArgs, SeedSequence, setForgetBias, type BuildOptions } from './modelParts';

/** Builds the reference LSTM classifier `[batch, W, F] -> [batch, 2]`. */
export function buildLstm(options: BuildOptions): tf.LayersModel {
  const seeds = new SeedSequence(options.seed);
  const { input, x } = modelInput(options);
  const units = options.config.recurrentUnits;
  let h = x;
  units.forEach((u, i) => {
    const layer = tf.layers.lstm({ ...recurrentLayerArgs(u, i < units.length - 1, `lstm_${i}`, seeds) });
    h = dropout(layer.apply(h) as tf.SymbolicTensor, options.config.dropout, `dropout_${i}`);
    setForgetBias(layer, u);
  });
  return tf.model({ inputs: input, outputs: classifierHead(h, options, seeds), name: 'lstm' });
}
