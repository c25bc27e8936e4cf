import * as tf from '@tensorflow/tfjs';
import { FastEngineError } from './FastEngineError';
import { parameterLayout, type RecurrentArchitecture, type RecurrentCell } from './RecurrentArchitecture';

interface LayerConfig {
  units?: number;
  activation?: string;
  recurrentActivation?: string;
  useBias?: boolean;
  returnSequences?: boolean;
  goBackwards?: boolean;
  stateful?: boolean;
  dropout?: number;
  recurrentDropout?: number;
  resetAfter?: boolean;
  rate?: number;
  noiseShape?: unknown;
  maskValue?: number;
}

/** tfjs's class name of each cell the engine implements. */
const CELLS: Record<string, RecurrentCell> = { LSTM: 'lstm', GRU: 'gru' };

/**
 * The architecture of a tfjs model built like src/models/lstm.ts or gru.ts (window input ->
 * optional Masking -> recurrent layers of one kind, each followed by Dropout -> Dense relu ->
 * Dense 2 softmax), or a FastEngineError saying what the fast engine does not implement (other
 * activations, recurrent dropout, other layers, ...).
 */
export function recurrentArchitectureOf(model: tf.LayersModel): RecurrentArchitecture {
  const unsupported = (what: string) => new FastEngineError(`model "${model.name}": ${what}; the fast engine trains only the reference LSTM/GRU stack`);
  const shape = model.inputs[0]?.shape;
  if (model.inputs.length !== 1 || !shape || shape.length !== 3) throw unsupported(`input must be one [batch, W, F] tensor, got ${JSON.stringify(model.inputs.map((i) => i.shape))}`);
  let layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
  let maskValue: number | null = null;
  if (layers[0]?.getClassName() === 'Masking') {
    maskValue = (layers[0].getConfig() as LayerConfig).maskValue ?? 0;
    layers = layers.slice(1);
  }
  const names = layers.map((layer) => layer.getClassName());
  const cell = CELLS[names[0]];
  if (!cell) throw unsupported(`layers are [${names.join(', ')}], expected LSTM or GRU first`);
  const recurrentUnits: number[] = [];
  const rates: number[] = [];
  let i = 0;
  while (names[i] === names[0]) {
    const config = layers[i].getConfig() as LayerConfig;
    const expectSequences = names[i + 2] === names[0];
    if (config.activation !== 'tanh' || config.recurrentActivation !== 'sigmoid') {
      throw unsupported(`layer ${layers[i].name} has activation ${config.activation} / recurrentActivation ${config.recurrentActivation}, needs tanh / sigmoid`);
    }
    if (config.useBias === false || config.goBackwards || config.stateful || config.resetAfter || (config.dropout ?? 0) > 0 || (config.recurrentDropout ?? 0) > 0) {
      throw unsupported(`layer ${layers[i].name} uses bias-free, backwards, stateful, reset-after or recurrent-dropout options`);
    }
    if (config.returnSequences !== expectSequences) throw unsupported(`layer ${layers[i].name} has returnSequences ${config.returnSequences}, expected ${expectSequences}`);
    if (names[i + 1] !== 'Dropout') throw unsupported(`layer ${layers[i].name} is followed by ${names[i + 1]}, expected Dropout`);
    const dropout = layers[i + 1].getConfig() as LayerConfig;
    if (dropout.noiseShape != null) throw unsupported(`layer ${layers[i + 1].name} has a noiseShape`);
    recurrentUnits.push(config.units as number);
    rates.push(dropout.rate ?? 0);
    i += 2;
  }
  const dense = layers[i]?.getConfig() as LayerConfig | undefined;
  const output = layers[i + 1]?.getConfig() as LayerConfig | undefined;
  if (names[i] !== 'Dense' || dense?.activation !== 'relu' || names[i + 1] !== 'Dense' || output?.activation !== 'softmax' || output.units !== 2 || layers.length !== i + 2) {
    throw unsupported(`head is [${names.slice(i).join(', ')}], expected Dense relu -> Dense 2 softmax`);
  }
  if (rates.some((rate) => rate !== rates[0])) throw unsupported(`dropout rates differ between layers (${rates.join(', ')})`);
  return { cell, maskValue, windowLength: shape[1] as number, featureCount: shape[2] as number, recurrentUnits, denseUnits: dense.units as number, dropout: rates[0] };
}

/** Indices in model.layers of the Dropout layers, in order (the training loop seeds each with seed + index). */
export function dropoutLayerIndices(model: tf.LayersModel): number[] {
  return model.layers.flatMap((layer, index) => (layer.getClassName() === 'Dropout' ? [index] : []));
}

/** The model's weights as one flat vector in the fast engine's layout (tfjs getWeights() order). */
export function readModelWeights(model: tf.LayersModel, arch: RecurrentArchitecture): Float32Array {
  const layout = parameterLayout(arch);
  const weights = model.getWeights();
  if (weights.length !== layout.slots.length) throw new FastEngineError(`model has ${weights.length} weight tensors, expected ${layout.slots.length}`);
  const flat = new Float32Array(layout.size);
  layout.slots.forEach((slot, i) => {
    if (weights[i].shape.join('x') !== slot.shape.join('x')) throw new FastEngineError(`weight ${i} (${slot.name}) has shape [${weights[i].shape}], expected [${slot.shape}]`);
    flat.set(weights[i].dataSync() as Float32Array, slot.offset);
  });
  return flat;
}

/** Sets the model's weights from a flat vector in the fast engine's layout. */
export function writeModelWeights(model: tf.LayersModel, arch: RecurrentArchitecture, flat: Float32Array): void {
  const layout = parameterLayout(arch);
  const tensors = layout.slots.map((slot) => tf.tensor(flat.subarray(slot.offset, slot.offset + slot.size), slot.shape));
  model.setWeights(tensors);
  tf.dispose(tensors);
}
