import * as tf from '@tensorflow/tfjs';
import { CandlecastError } from '@candlecast/shared';
import { MASK_VALUE } from './historyPadding';
import { TemporalAttention } from './layers/TemporalAttention';

/**
 * "Which candles mattered": the attention weight of every step of every window, from a model
 * with a TemporalAttention layer (lstm-attention). `windows` is `[samples, W, F]` row-major
 * (normalised, left-padded with MASK_VALUE where the history is shorter). Returns `[samples, W]`
 * row-major; each row sums to 1 and padded steps get 0.
 */
export function attentionWeights(model: tf.LayersModel, windows: Float32Array, batchSize = 256): Float32Array {
  const attention = model.layers.find((layer): layer is TemporalAttention => layer instanceof TemporalAttention);
  if (!attention) throw new CandlecastError('no_attention_layer', `model "${model.name}" has no TemporalAttention layer`);
  const [, steps, features] = model.inputs[0].shape as [null, number, number];
  const samples = windows.length / (steps * features);
  if (!Number.isInteger(samples)) throw new CandlecastError('invalid_windows', `windows hold ${windows.length} values, not a multiple of ${steps} x ${features}`);
  const masked = model.layers.some((layer) => layer.getClassName() === 'Masking');
  const sequenceModel = tf.model({ inputs: model.inputs, outputs: attention.input as tf.SymbolicTensor });
  const out = new Float32Array(samples * steps);
  for (let start = 0; start < samples; start += batchSize) {
    const count = Math.min(batchSize, samples - start);
    const alpha = tf.tidy(() => {
      const x = tf.tensor3d(windows.subarray(start * steps * features, (start + count) * steps * features), [count, steps, features]);
      const sequence = sequenceModel.predict(x) as tf.Tensor3D;
      const mask = masked ? tf.any(tf.notEqual(x, MASK_VALUE), -1) : undefined;
      return attention.weightsFor(sequence, mask);
    });
    out.set(alpha.dataSync(), start * steps);
    alpha.dispose();
  }
  return out;
}
