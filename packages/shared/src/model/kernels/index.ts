export { GRAPH_INPUT } from './SequenceGraph';
export type {
  ActivationName,
  ConcatenateLayerSpec,
  DenseLayerSpec,
  GraphTensor,
  GruLayerSpec,
  LastStepLayerSpec,
  LayerSpec,
  LayerSpecBase,
  LstmLayerSpec,
  MaskedAveragePoolingLayerSpec,
  MaskingLayerSpec,
  PositionalEncodingLayerSpec,
  SequenceGraph,
  TemporalAttentionLayerSpec,
  TransformerEncoderBlockLayerSpec,
} from './SequenceGraph';
export { createSequenceModel, type SequenceModel, type SequenceModelOptions } from './createSequenceModel';
export { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
export { BufferSizeError } from './BufferSizeError';
export { ACTIVATION_NAMES } from './activations';
