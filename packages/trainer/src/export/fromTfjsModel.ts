import type * as tf from '@tensorflow/tfjs';
import { GRAPH_INPUT, type LayerSpec, type SequenceGraph } from '@candlecast/shared/model';
import { convertTfjsLayer } from './convertTfjsLayer';
import { UnsupportedModelError } from './UnsupportedModelError';

/**
 * The sequence graph of a trained tfjs model `[batch, W, F] -> [batch, outputs]`, for the edge
 * kernels (`createSequenceModel` in @candlecast/shared/model). Reads `model.layers` (tfjs keeps
 * them in execution order), their `getConfig()` and `getWeights()`; weights are copied, the model
 * is left untouched. Every layer's `inputs` are written out; inference-only identities (Dropout)
 * are dropped and their readers wired to what fed them.
 */
export function fromTfjsModel(model: tf.LayersModel): SequenceGraph {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new UnsupportedModelError(model.name, `expected 1 input and 1 output, got ${model.inputs.length} and ${model.outputs.length}`);
  }
  const [batch, windowLength, featureCount, ...rest] = model.inputs[0].shape;
  if (batch !== null || rest.length > 0 || typeof windowLength !== 'number' || typeof featureCount !== 'number') {
    throw new UnsupportedModelError(model.name, `expected input shape [null, W, F], got [${model.inputs[0].shape.map(String).join(', ')}]`);
  }
  const layers: LayerSpec[] = [];
  // the graph name that holds each tfjs layer's output
  const producer = new Map<tf.layers.Layer, string>();
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') {
      producer.set(layer, GRAPH_INPUT);
      continue;
    }
    if (layer.inboundNodes.length !== 1) {
      throw new UnsupportedModelError(layer.name, `is applied ${layer.inboundNodes.length} times; shared layers are not supported`);
    }
    const inputs = layer.inboundNodes[0].inboundLayers.map((source) => {
      // a Sequential model keeps its InputLayer out of model.layers
      const name = source.getClassName() === 'InputLayer' ? GRAPH_INPUT : producer.get(source);
      if (name === undefined) throw new UnsupportedModelError(layer.name, `reads '${source.name}', which is not an earlier layer of this model`);
      return name;
    });
    const spec = convertTfjsLayer(layer);
    if (spec === null) {
      if (inputs.length !== 1) throw new UnsupportedModelError(layer.name, `expected 1 input, got ${inputs.length}`);
      producer.set(layer, inputs[0]);
      continue;
    }
    layers.push({ ...spec, inputs });
    producer.set(layer, layer.name);
  }
  const output = producer.get(model.outputs[0].sourceLayer);
  if (layers.length === 0 || output !== layers[layers.length - 1].name) {
    throw new UnsupportedModelError(model.name, `the output comes from '${output}', not from the last layer`);
  }
  return { format: 'candlecast.sequence-graph', version: 1, windowLength, featureCount, layers };
}
