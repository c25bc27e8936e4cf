import type * as tf from '@tensorflow/tfjs';
import { ACTIVATION_NAMES, type ActivationName, type GraphTensor, type LayerSpec } from '@candlecast/shared/model';
import { LAYER_NORM_EPSILON } from '../models/layers/TransformerEncoderBlock';
import { readLayerWeights } from './readLayerWeights';
import { UnsupportedModelError } from './UnsupportedModelError';

/** Layers that are the identity at inference; the graph leaves them out. */
const INFERENCE_IDENTITY = new Set(['Dropout', 'SpatialDropout1D', 'GaussianNoise']);

/**
 * The sequence-graph spec of one tfjs layer (without `inputs`, which the caller wires), or null
 * for a layer that does nothing at inference. Every option the kernels do not implement is
 * rejected here rather than silently ignored.
 */
export function convertTfjsLayer(layer: tf.layers.Layer): LayerSpec | null {
  const className = layer.getClassName();
  const config = layer.getConfig();
  const name = layer.name;
  if (INFERENCE_IDENTITY.has(className)) return null;
  const weights = () => readLayerWeights(layer);
  switch (className) {
    case 'Masking':
      return { type: 'masking', name, maskValue: config.maskValue as number };
    case 'Dense': {
      const w = weights();
      return {
        type: 'dense',
        name,
        units: config.units as number,
        activation: activationOf(config, 'activation', name),
        weights: { kernel: required(w, 'kernel', name), bias: w.bias },
      };
    }
    case 'LSTM':
    case 'GRU': {
      for (const option of ['goBackwards', 'stateful', 'returnState'] as const) {
        if (config[option]) throw new UnsupportedModelError(name, `${option}: true is not supported by the edge kernels`);
      }
      if (config.resetAfter) throw new UnsupportedModelError(name, 'resetAfter: true is not supported');
      const w = weights();
      return {
        type: className === 'LSTM' ? 'lstm' : 'gru',
        name,
        units: config.units as number,
        returnSequences: Boolean(config.returnSequences),
        activation: activationOf(config, 'activation', name),
        recurrentActivation: activationOf(config, 'recurrentActivation', name),
        weights: {
          kernel: required(w, 'kernel', name),
          recurrentKernel: required(w, 'recurrent_kernel', name),
          bias: w.bias,
        },
      };
    }
    case 'TemporalAttention': {
      const w = weights();
      return {
        type: 'temporalAttention',
        name,
        units: config.units as number,
        weights: { kernel: required(w, 'kernel', name), bias: required(w, 'bias', name), score: required(w, 'score', name) },
      };
    }
    case 'PositionalEncoding':
      return { type: 'positionalEncoding', name };
    case 'MaskedAveragePooling':
      return { type: 'maskedAveragePooling', name };
    case 'LastStep':
      return { type: 'lastStep', name };
    case 'Concatenate': {
      const rank = (Array.isArray(layer.outputShape[0]) ? layer.outputShape[0] : layer.outputShape).length;
      if (config.axis !== -1 && config.axis !== rank - 1) {
        throw new UnsupportedModelError(name, `only concatenation on the last axis is supported, got axis ${String(config.axis)}`);
      }
      return { type: 'concatenate', name, inputs: [] };
    }
    case 'TransformerEncoderBlock': {
      const w = weights();
      const names = ['wq', 'bq', 'wk', 'bk', 'wv', 'bv', 'wo', 'bo', 'ln1Gamma', 'ln1Beta', 'w1', 'b1', 'w2', 'b2', 'ln2Gamma', 'ln2Beta'] as const;
      const block = Object.fromEntries(names.map((key) => [key, required(w, key, name)])) as Record<(typeof names)[number], GraphTensor>;
      return {
        type: 'transformerEncoderBlock',
        name,
        heads: config.heads as number,
        ffDim: config.ffDim as number,
        epsilon: LAYER_NORM_EPSILON,
        weights: block,
      };
    }
    default:
      throw new UnsupportedModelError(name, `layer class '${className}' has no edge kernel`);
  }
}

function activationOf(config: tf.serialization.ConfigDict, key: string, layer: string): ActivationName {
  const value = config[key];
  if (typeof value !== 'string' || !(ACTIVATION_NAMES as readonly string[]).includes(value)) {
    throw new UnsupportedModelError(layer, `${key} '${String(value)}' is not one of ${ACTIVATION_NAMES.join(', ')}`);
  }
  return value as ActivationName;
}

function required(weights: Record<string, GraphTensor>, key: string, layer: string): GraphTensor {
  const tensor = weights[key];
  if (!tensor) throw new UnsupportedModelError(layer, `has no weight named '${key}' (found: ${Object.keys(weights).join(', ') || 'none'})`);
  return tensor;
}
