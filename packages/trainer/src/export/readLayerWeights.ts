import type * as tf from '@tensorflow/tfjs';
import type { GraphTensor } from '@candlecast/shared/model';

/**
 * A layer's weights keyed by their own name (`lstm_0/recurrent_kernel` -> `recurrent_kernel`),
 * copied out of tfjs into plain Float32Arrays. The tensors getWeights() returns are the layer's
 * live variables, so they are read, never disposed.
 */
export function readLayerWeights(layer: tf.layers.Layer): Record<string, GraphTensor> {
  const values = layer.getWeights();
  const named: Record<string, GraphTensor> = {};
  layer.weights.forEach((variable, i) => {
    const name = variable.originalName.slice(variable.originalName.lastIndexOf('/') + 1);
    named[name] = { shape: [...values[i].shape], values: new Float32Array(values[i].dataSync()) };
  });
  return named;
}
