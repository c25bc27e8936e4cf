/*
 * LSTM + attention: every LSTM of recurrentUnits returns sequences; a TemporalAttention layer
 * (layers/TemporalAttention.ts, exact math there) pools the last sequence H into a context
 * vector, which is concatenated with H's newest step (layers/LastStep.ts) before the head.
 *
 *   [W, F] (-> Masking) -> LSTM u0 (sequences) -> Dropout -> ... -> LSTM uk (sequences) -> Dropout = H
 *   -> Concatenate([TemporalAttention(H) "attention", LastStep(H) "last_step"]) (context first,
 *      then h_T; standard tfjs Concatenate on the last axis, name "pooled")
 *   -> Dense denseUnits relu -> Dense 2 softmax
 *
 * NOTE (architecture change during issue 3, after the first kernels): the head used to read the
 * attention context alone. Tiny models then stayed at chance on a planted last-candle signal
 * (attention starts uniform over 30-120 steps and dilutes the newest one); with h_T concatenated
 * they learn it within a few epochs. TemporalAttention's own math did not change.
 *
 * LSTM math and weight layout: lstm.ts. The attention weights per step ("which candles mattered")
 * come from attentionWeights.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { LastStep } from './layers/LastStep';
import { TemporalAttention } from './layers/TemporalAttention';
import { classifierHead, dropout, modelInput, recurrentLayerArgs, SeedSequence, setForgetBias, type BuildOptions } from './modelParts';

/** Name of the attention layer, so its weights can be read back out of a model. */
export const ATTENTION_LAYER = 'attention';

/** Builds the LSTM + additive attention classifier `[batch, W, F] -> [batch, 2]`. */
export function buildLstmAttention(options: BuildOptions): tf.LayersModel {
  const seeds = new SeedSequence(options.seed);
  const { input, x } = modelInput(options);
  let h = x;
  options.config.recurrentUnits.forEach((u, i) => {
    const layer = tf.layers.lstm({ ...recurrentLayerArgs(u, true, `lstm_${i}`, seeds) });
    h = dropout(layer.apply(h) as tf.SymbolicTensor, options.config.dropout, `dropout_${i}`);
    setForgetBias(layer, u);
  });
  const context = new TemporalAttention({ units: options.config.attentionUnits, seed: seeds.take(), name: ATTENTION_LAYER }).apply(h) as tf.SymbolicTensor;
  const newest = new LastStep({ name: 'last_step' }).apply(h) as tf.SymbolicTensor;
  const pooled = tf.layers.concatenate({ axis: -1, name: 'pooled' }).apply([context, newest]) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: classifierHead(pooled, options, seeds), name: 'lstm-attention' });
}
