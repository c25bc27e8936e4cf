import { FastEngineError } from './FastEngineError';

/** The recurrent cell: tfjs's LSTM (gates i, f, c, o) or GRU (gates z, r, h; reset before the product). */
export type RecurrentCell = 'lstm' | 'gru';

/**
 * The recurrent classifier the fast engine trains (src/models/lstm.ts and gru.ts):
 * [W, F] (-> Masking) -> cell u0 (sequences) -> Dropout -> ... -> cell uL (last step) ->
 * Dropout -> Dense denseUnits relu -> Dense 2 softmax, recurrent activation sigmoid, activation
 * tanh.
 */
export interface RecurrentArchitecture {
  cell: RecurrentCell;
  /**
   * The Masking layer's value, or null without one. A step whose features all equal it is
   * padding: every recurrent layer carries its state and output over it unchanged, as tfjs does.
   */
  maskValue: number | null;
  windowLength: number;
  featureCount: number;
  recurrentUnits: readonly number[];
  denseUnits: number;
  /** Rate of every Dropout layer (0 = none). */
  dropout: number;
}

/** One weight tensor of the model, in tfjs getWeights() order, at `offset` in the flat parameter vector. */
export interface ParameterSlot {
  name: string;
  shape: [number] | [number, number];
  offset: number;
  size: number;
}

/** Where each recurrent layer's and the head's tensors sit in the flat parameter vector. */
export interface ParameterLayout {
  slots: ParameterSlot[];
  /** Gates per cell: 4 (LSTM) or 3 (GRU); a layer's kernels are `gates * units` wide. */
  gates: number;
  recurrent: { inputSize: number; units: number; kernel: ParameterSlot; recurrent: ParameterSlot; bias: ParameterSlot }[];
  dense: { kernel: ParameterSlot; bias: ParameterSlot };
  output: { kernel: ParameterSlot; bias: ParameterSlot };
  /** Total number of parameters. */
  size: number;
}

/** Number of classes of the softmax head: [p(SELL), p(BUY)]. */
export const CLASSES = 2;

/** Checks the architecture's sizes; a bad one is a FastEngineError naming the field. */
export function validateArchitecture(arch: RecurrentArchitecture): void {
  const positive = (name: string, value: number) => {
    if (!Number.isInteger(value) || value < 1) throw new FastEngineError(`architecture.${name} must be a positive integer, got ${value}`);
  };
  if (arch.cell !== 'lstm' && arch.cell !== 'gru') throw new FastEngineError(`architecture.cell must be lstm or gru, got ${JSON.stringify(arch.cell)}`);
  positive('windowLength', arch.windowLength);
  positive('featureCount', arch.featureCount);
  positive('denseUnits', arch.denseUnits);
  if (arch.recurrentUnits.length === 0) throw new FastEngineError('architecture.recurrentUnits must name at least one layer, got []');
  arch.recurrentUnits.forEach((u, i) => positive(`recurrentUnits[${i}]`, u));
  if (!(arch.dropout >= 0 && arch.dropout < 1)) throw new FastEngineError(`architecture.dropout must be in [0, 1), got ${arch.dropout}`);
}

/** The flat layout of every trainable tensor, in the order tfjs's model.getWeights() lists them. */
export function parameterLayout(arch: RecurrentArchitecture): ParameterLayout {
  validateArchitecture(arch);
  const slots: ParameterSlot[] = [];
  let offset = 0;
  const slot = (name: string, shape: [number] | [number, number]): ParameterSlot => {
    const size = shape.reduce((a, b) => a * b, 1);
    const s = { name, shape, offset, size };
    offset += size;
    slots.push(s);
    return s;
  };
  const gates = arch.cell === 'lstm' ? 4 : 3;
  let inputSize = arch.featureCount;
  const recurrent = arch.recurrentUnits.map((units, i) => {
    const layer = {
      inputSize,
      units,
      kernel: slot(`${arch.cell}_${i}/kernel`, [inputSize, gates * units]),
      recurrent: slot(`${arch.cell}_${i}/recurrent_kernel`, [units, gates * units]),
      bias: slot(`${arch.cell}_${i}/bias`, [gates * units]),
    };
    inputSize = units;
    return layer;
  });
  const dense = { kernel: slot('dense/kernel', [inputSize, arch.denseUnits]), bias: slot('dense/bias', [arch.denseUnits]) };
  const output = { kernel: slot('output/kernel', [arch.denseUnits, CLASSES]), bias: slot('output/bias', [CLASSES]) };
  return { slots, gates, recurrent, dense, output, size: offset };
}
