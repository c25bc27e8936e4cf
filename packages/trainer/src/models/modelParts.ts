import * as tf from '@tensorflow/tfjs';
import { MASK_VALUE } from './historyPadding';
import type { ModelConfig } from './ModelConfig';

/** What every builder needs: the architecture, the feature count F and the initializer seed. */
export interface BuildOptions {
  config: ModelConfig;
  featureCount: number;
  /** Seeds every initializer, so the same seed builds the same weights. */
  seed: number;
}

/** Hands out distinct, reproducible initializer seeds for one model. */
export class SeedSequence {
  private next: number;
  constructor(seed: number) {
    this.next = (seed >>> 0) * 1000;
  }
  take(): number {
    return this.next++;
  }
}

/** The `[W, F]` input and, when the config allows short histories, the Masking layer after it. */
export function modelInput(options: BuildOptions): { input: tf.SymbolicTensor; x: tf.SymbolicTensor } {
  const { windowLength, minHistory } = options.config;
  const input = tf.input({ shape: [windowLength, options.featureCount], name: 'window' });
  if (minHistory >= windowLength) return { input, x: input };
  return { input, x: tf.layers.masking({ maskValue: MASK_VALUE, name: 'masking' }).apply(input) as tf.SymbolicTensor };
}

/** dense(denseUnits, relu) -> dense(2, softmax): index 0 = p(SELL), 1 = p(BUY). */
export function classifierHead(x: tf.SymbolicTensor, options: BuildOptions, seeds: SeedSequence): tf.SymbolicTensor {
  const hidden = tf.layers
    .dense({ units: options.config.denseUnits, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.take() }), name: 'dense' })
    .apply(x) as tf.SymbolicTensor;
  return tf.layers
    .dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.take() }), name: 'output' })
    .apply(hidden) as tf.SymbolicTensor;
}

/** A standard Dropout layer (identity at inference; its seed is set per batch by the training loop). */
export function dropout(x: tf.SymbolicTensor, rate: number, name: string): tf.SymbolicTensor {
  return tf.layers.dropout({ rate, name }).apply(x) as tf.SymbolicTensor;
}

/** Recurrent layers built the same way for LSTM and GRU: explicit sigmoid gates, glorotUniform everywhere. */
export function recurrentLayerArgs(units: number, returnSequences: boolean, name: string, seeds: SeedSequence) {
  return {
    units,
    returnSequences,
    activation: 'tanh' as const,
    // tfjs defaults to hardSigmoid; Keras and the edge kernels use the logistic sigmoid.
    recurrentActivation: 'sigmoid' as const,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.take() }),
    // The default orthogonal initializer takes 10-16 s for 128 units in tfjs.
    recurrentInitializer: tf.initializers.glorotUniform({ seed: seeds.take() }),
    biasInitializer: tf.initializers.zeros(),
    name,
  };
}

/**
 * Sets an LSTM layer's forget-gate bias (columns U..2U-1 of its [4U] bias) to 1, the effect of
 * Keras's unitForgetBias. Done after building because tfjs's own unitForgetBias initializer leaks
 * four tensors per layer; the saved config then says biasInitializer zeros, and the weights
 * carry the ones.
 */
export function setForgetBias(layer: tf.layers.Layer, units: number): void {
  const [kernel, recurrentKernel, bias] = layer.getWeights();
  const values = bias.dataSync().slice();
  values.fill(1, units, 2 * units);
  const forgetBias = tf.tensor1d(values);
  layer.setWeights([kernel, recurrentKernel, forgetBias]);
  forgetBias.dispose();
}
