import type * as tf from '@tensorflow/tfjs';
import { buildGru } from './gru';
import { buildLstm } from './lstm';
import { buildLstmAttention } from './lstmAttention';
import type { BuildOptions } from './modelParts';
import { buildTransformer } from './transformer';

export { attentionWeights } from './attentionWeights';
export { DEFAULT_MODEL_CONFIG, resolveModelConfig, type ModelConfig, type TransformerConfig } from './ModelConfig';
export { leftPadHistory, MASK_VALUE, truncateHistory } from './historyPadding';
export { CUSTOM_LAYERS } from './layers/index';
export type { BuildOptions } from './modelParts';
export { buildGru, buildLstm, buildLstmAttention, buildTransformer };

/** The deep architectures by registry name. */
export const MODEL_BUILDERS: Record<string, (options: BuildOptions) => tf.LayersModel> = {
  lstm: buildLstm,
  gru: buildGru,
  'lstm-attention': buildLstmAttention,
  transformer: buildTransformer,
};
