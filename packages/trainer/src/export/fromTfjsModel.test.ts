import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_CONFIG, MASK_VALUE, MODEL_BUILDERS, type ModelConfig } from '../models/index';
import { fromTfjsModel } from './fromTfjsModel';
import { UnsupportedModelError } from './UnsupportedModelError';

const W = 8;
const F = 5;
const config: ModelConfig = {
  ...DEFAULT_MODEL_CONFIG,
  windowLength: W,
  minHistory: 3,
  recurrentUnits: [6, 4],
  denseUnits: 3,
  attentionUnits: 4,
  transformer: { dModel: 8, heads: 2, ffDim: 6, blocks: 2, dropout: 0.1 },
};
const build = (name: string) => MODEL_BUILDERS[name]({ config, featureCount: F, seed: 3 });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('fromTfjsModel', () => {
  it('describes the reference LSTM as a chain with tfjs-layout weights, wiring around Dropout', () => {
    const model = build('lstm');
    const graph = fromTfjsModel(model);
    expect(graph).toMatchObject({ format: 'candlecast.sequence-graph', version: 1, windowLength: W, featureCount: F });
    expect(graph.layers.map((layer) => layer.type)).toEqual(['masking', 'lstm', 'lstm', 'dense', 'dense']);
    expect(graph.layers[0]).toEqual({ type: 'masking', name: 'masking', maskValue: MASK_VALUE, inputs: ['window'] });
    expect(graph.layers.map((layer) => layer.inputs)).toEqual([['window'], ['masking'], ['lstm_0'], ['lstm_1'], ['dense']]);
    const [, first, second, , head] = graph.layers;
    expect(first).toMatchObject({ type: 'lstm', name: 'lstm_0', units: 6, returnSequences: true, activation: 'tanh', recurrentActivation: 'sigmoid' });
    expect(second).toMatchObject({ units: 4, returnSequences: false });
    expect(head).toMatchObject({ type: 'dense', name: 'output', units: 2, activation: 'softmax' });
    if (first.type !== 'lstm') throw new Error('unreachable');
    expect(first.weights.kernel.shape).toEqual([F, 24]);
    expect(first.weights.recurrentKernel.shape).toEqual([6, 24]);
    expect(first.weights.bias?.shape).toEqual([24]);
    // the builder initialises the forget block of the bias to 1, the others to 0
    expect(Array.from(first.weights.bias!.values.subarray(0, 12))).toEqual([...new Array(6).fill(0), ...new Array(6).fill(1)]);
    expect(Array.from(first.weights.kernel.values)).toEqual(Array.from(model.getLayer('lstm_0').getWeights()[0].dataSync()));
    model.dispose();
  });

  it('describes the attention and transformer architectures, branches and custom layers included', () => {
    const attention = build('lstm-attention');
    const attentionGraph = fromTfjsModel(attention);
    expect(attentionGraph.layers.map((layer) => `${layer.type} <- ${layer.inputs}`)).toEqual([
      'masking <- window',
      'lstm <- masking',
      'lstm <- lstm_0',
      'temporalAttention <- lstm_1',
      'lastStep <- lstm_1',
      'concatenate <- attention,last_step',
      'dense <- pooled',
      'dense <- dense',
    ]);
    const transformer = build('transformer');
    const graph = fromTfjsModel(transformer);
    expect(graph.layers.map((layer) => layer.type)).toEqual([
      'masking', 'dense', 'positionalEncoding', 'transformerEncoderBlock', 'transformerEncoderBlock',
      'maskedAveragePooling', 'lastStep', 'concatenate', 'dense', 'dense',
    ]);
    expect(graph.layers[3]).toMatchObject({ heads: 2, ffDim: 6, epsilon: 1e-5, inputs: ['positional_encoding'] });
    attention.dispose();
    transformer.dispose();
  });

  it('copies the weights and leaks no tensors', () => {
    const model = build('gru');
    const before = tf.memory().numTensors;
    const graph = fromTfjsModel(model);
    expect(tf.memory().numTensors).toBe(before);
    const layer = graph.layers[1];
    if (layer.type !== 'gru') throw new Error('unreachable');
    const original = model.getLayer('gru_0').getWeights()[0].dataSync()[0];
    layer.weights.kernel.values[0] = original + 1;
    expect(model.getLayer('gru_0').getWeights()[0].dataSync()[0]).toBe(original);
    model.dispose();
  });

  it('rejects what the kernels do not implement, naming the layer', () => {
    const input = () => tf.input({ shape: [W, F] });
    const chain = (...layers: tf.layers.Layer[]) => {
      const x = input();
      return tf.model({ inputs: x, outputs: layers.reduce<tf.SymbolicTensor>((h, layer) => layer.apply(h) as tf.SymbolicTensor, x) });
    };
    const residual = () => {
      const x = input();
      const h = tf.layers.dense({ units: F, name: 'inner' }).apply(x) as tf.SymbolicTensor;
      const sum = tf.layers.add({ name: 'sum' }).apply([x, h]) as tf.SymbolicTensor;
      return tf.model({ inputs: x, outputs: tf.layers.lstm({ units: 2, name: 'last' }).apply(sum) as tf.SymbolicTensor });
    };
    const vectorInput = () => {
      const x = tf.input({ shape: [F] });
      return tf.model({ inputs: x, outputs: tf.layers.dense({ units: 2 }).apply(x) as tf.SymbolicTensor });
    };
    const cases: [() => tf.LayersModel, string][] = [
      [() => chain(tf.layers.conv1d({ filters: 2, kernelSize: 2, name: 'conv' }), tf.layers.flatten()), "conv: layer class 'Conv1D' has no edge kernel"],
      [() => chain(tf.layers.lstm({ units: 2, goBackwards: true, name: 'backwards' })), 'backwards: goBackwards: true is not supported'],
      [() => chain(tf.layers.lstm({ units: 2, name: 'recurrent' }), tf.layers.dense({ units: 2, activation: 'elu', name: 'elu_head' })), "elu_head: activation 'elu' is not one of"],
      [residual, "sum: layer class 'Add' has no edge kernel"],
      [vectorInput, 'expected input shape [null, W, F], got [null, 5]'],
    ];
    for (const [make, message] of cases) {
      const model = make();
      expect(() => fromTfjsModel(model)).toThrow(UnsupportedModelError);
      expect(() => fromTfjsModel(model)).toThrow(message);
      model.dispose();
    }
  });
});
