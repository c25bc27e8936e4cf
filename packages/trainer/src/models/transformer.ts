/*
 * A small transformer encoder for windows of candles:
 *
 *   [W, F] (-> Masking) -> Dense dModel (linear, per step; name "projection")
 *   -> PositionalEncoding (layers/PositionalEncoding.ts) -> Dropout
 *   -> TransformerEncoderBlock x blocks (layers/TransformerEncoderBlock.ts; names encoder_0, ...)
 *   -> Concatenate([MaskedAveragePooling "pooling", LastStep "last_step"]) (mean first, then the
 *      newest step; standard tfjs Concatenate on the last axis, name "pooled") -> Dropout
 *   -> Dense denseUnits relu -> Dense 2 softmax
 *
 * NOTE (architecture change during issue 3, after the first kernels): the head used to read the
 * masked mean alone; tiny models then stayed at chance on a planted last-candle signal. With the
 * newest step concatenated they learn it within a few epochs. No custom layer's math changed.
 *
 * The per-step projection is a standard Dense on a 3-D input: y_t = x_t kernel + bias for every
 * step t (kernel [F, dModel]). Exact math of the custom layers is at the top of their files.
 * Defaults (dModel 32, 4 heads, ffDim 64, 2 blocks) keep it ~20k weights, quick to train on tens
 * of thousands of windows.
 */
import * as tf from '@tensorflow/tfjs';
import { LastStep } from './layers/LastStep';
import { MaskedAveragePooling } from './layers/MaskedAveragePooling';
import { PositionalEncoding } from './layers/PositionalEncoding';
import { TransformerEncoderBlock } from './layers/TransformerEncoderBlock';
import { classifierHead, dropout, modelInput, SeedSequence, type BuildOptions } from './modelParts';

/** Builds the transformer encoder classifier `[batch, W, F] -> [batch, 2]`. */
export function buildTransformer(options: BuildOptions): tf.LayersModel {
  const seeds = new SeedSequence(options.seed);
  const { dModel, heads, ffDim, blocks, dropout: rate } = options.config.transformer;
  const { input, x } = modelInput(options);
  const projected = tf.layers
    .dense({ units: dModel, kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.take() }), name: 'projection' })
    .apply(x) as tf.SymbolicTensor;
  let h = dropout(new PositionalEncoding({ name: 'positional_encoding' }).apply(projected) as tf.SymbolicTensor, rate, 'dropout_in');
  for (let b = 0; b < blocks; b++) {
    h = new TransformerEncoderBlock({ heads, ffDim, seed: seeds.take() * 100, name: `encoder_${b}` }).apply(h) as tf.SymbolicTensor;
  }
  const mean = new MaskedAveragePooling({ name: 'pooling' }).apply(h) as tf.SymbolicTensor;
  const newest = new LastStep({ name: 'last_step' }).apply(h) as tf.SymbolicTensor;
  const pooled = dropout(tf.layers.concatenate({ axis: -1, name: 'pooled' }).apply([mean, newest]) as tf.SymbolicTensor, rate, 'dropout_out');
  return tf.model({ inputs: input, outputs: classifierHead(pooled, options, seeds), name: 'transformer' });
}
