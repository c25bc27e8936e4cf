import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/SeededRandom';
import { CandlecastError } from '../../errors/CandlecastError';
import type { DenseLayerSpec, GraphTensor, LayerSpec, SequenceGraph } from './SequenceGraph';
import { createSequenceModel } from './createSequenceModel';
import { BufferSizeError } from './BufferSizeError';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';

const F = 4;
// A moderate mask value: saturating padding (such as -1000) could drive an unmasked LSTM back to the
// zero state and hide the difference the masking makes.
const MASK = 3;

function tensor(shape: number[], random: SeededRandom): GraphTensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Float32Array.from({ length: size }, () => random.normal() * 0.5) };
}

let layerCount = 0;
const unique = (prefix: string) => `${prefix}_${layerCount++}`;

const layers = {
  lstm: (input: number, units: number, returnSequences: boolean, r: SeededRandom): LayerSpec => ({
    type: 'lstm',
    name: unique('lstm'),
    units,
    returnSequences,
    activation: 'tanh',
    recurrentActivation: 'sigmoid',
    weights: { kernel: tensor([input, 4 * units], r), recurrentKernel: tensor([units, 4 * units], r), bias: tensor([4 * units], r) },
  }),
  gru: (input: number, units: number, returnSequences: boolean, r: SeededRandom): LayerSpec => ({
    type: 'gru',
    name: unique('gru'),
    units,
    returnSequences,
    activation: 'tanh',
    recurrentActivation: 'sigmoid',
    weights: { kernel: tensor([input, 3 * units], r), recurrentKernel: tensor([units, 3 * units], r), bias: tensor([3 * units], r) },
  }),
  dense: (input: number, units: number, activation: 'relu' | 'softmax' | 'linear', r: SeededRandom): DenseLayerSpec => ({
    type: 'dense',
    name: unique('dense'),
    units,
    activation,
    weights: { kernel: tensor([input, units], r), bias: tensor([units], r) },
  }),
  attention: (input: number, units: number, r: SeededRandom): LayerSpec => ({
    type: 'temporalAttention',
    name: unique('attention'),
    units,
    weights: { kernel: tensor([input, units], r), bias: tensor([units], r), score: tensor([units], r) },
  }),
  encoder: (depth: number, heads: number, ffDim: number, r: SeededRandom): LayerSpec => {
    const m = (rows: number, columns: number) => tensor([rows, columns], r);
    const v = (size: number) => tensor([size], r);
    return {
      type: 'transformerEncoderBlock',
      name: unique('encoder'),
      heads,
      ffDim,
      epsilon: 1e-5,
      weights: {
        wq: m(depth, depth), bq: v(depth), wk: m(depth, depth), bk: v(depth), wv: m(depth, depth), bv: v(depth),
        wo: m(depth, depth), bo: v(depth), ln1Gamma: v(depth), ln1Beta: v(depth),
        w1: m(depth, ffDim), b1: v(ffDim), w2: m(ffDim, depth), b2: v(depth), ln2Gamma: v(depth), ln2Beta: v(depth),
      },
    };
  },
};

function graph(windowLength: number, body: LayerSpec[]): SequenceGraph {
  return { format: 'candlecast.sequence-graph', version: 1, windowLength, featureCount: F, layers: body };
}

/** The four candlecast architectures in miniature, each with its weights drawn from `seed`. */
function architectures(seed: number): Record<string, LayerSpec[]> {
  const r = () => new SeededRandom(seed);
  const head = (input: number, random: SeededRandom) => [layers.dense(input, 8, 'relu', random), layers.dense(8, 2, 'softmax', random)];
  const lstm = r();
  const gru = r();
  const attention = r();
  const transformer = r();
  return {
    lstm: [layers.lstm(F, 6, true, lstm), layers.lstm(6, 4, false, lstm), ...head(4, lstm)],
    gru: [layers.gru(F, 5, true, gru), layers.gru(5, 4, false, gru), ...head(4, gru)],
    // attention context and newest step, concatenated (as the trainer's lstm-attention)
    attention: [
      { ...layers.lstm(F, 6, true, attention), name: 'sequence' },
      { ...layers.attention(6, 3, attention), name: 'context', inputs: ['sequence'] },
      { type: 'lastStep', name: 'newest', inputs: ['sequence'] },
      { type: 'concatenate', name: 'pooled', inputs: ['context', 'newest'] },
      ...head(12, attention),
    ],
    transformer: [
      { ...layers.dense(F, 8, 'linear', transformer), name: 'projection' },
      { type: 'positionalEncoding', name: 'position' },
      layers.encoder(8, 2, 6, transformer),
      { ...layers.encoder(8, 4, 5, transformer), name: 'encoded' },
      { type: 'maskedAveragePooling', name: 'pooling' },
      { type: 'lastStep', name: 'newest', inputs: ['encoded'] },
      { type: 'concatenate', name: 'pooled', inputs: ['pooling', 'newest'] },
      ...head(16, transformer),
    ],
  };
}

function randomRows(rows: number, seed: number): Float32Array {
  const random = new SeededRandom(seed);
  return Float32Array.from({ length: rows * F }, () => random.normal());
}

describe('createSequenceModel', () => {
  for (const [name, body] of Object.entries(architectures(5))) {
    it(`${name}: a left-padded, masked window predicts exactly what the short window alone predicts`, () => {
      const history = randomRows(5, 1);
      const padded = new Float32Array(9 * F).fill(MASK);
      padded.set(history, 4 * F);
      const masked = createSequenceModel(graph(9, [{ type: 'masking', name: 'masking', maskValue: MASK }, ...body])).predict(padded);
      const short = createSequenceModel(graph(5, body)).predict(history);
      expect(masked[0] + masked[1]).toBeCloseTo(1, 6);
      expect(Array.from(masked)).toEqual(Array.from(short).map((p) => expect.closeTo(p, 6)));
      // without the mask the padding is read as data and changes the answer
      const unmasked = createSequenceModel(graph(9, body)).predict(padded);
      expect(Math.abs(unmasked[0] - short[0])).toBeGreaterThan(1e-4);
    });
  }

  it('writes into the caller buffer when given, else into one owned buffer reused across calls', () => {
    const model = createSequenceModel(graph(6, architectures(6).lstm));
    const first = model.predict(randomRows(6, 2));
    const firstValues = Array.from(first);
    const second = model.predict(randomRows(6, 3));
    expect(second).toBe(first);
    expect(Array.from(second)).not.toEqual(firstValues);
    const mine = new Float32Array(2);
    expect(model.predict(randomRows(6, 2), mine)).toBe(mine);
    expect(Array.from(mine)).toEqual(firstValues);
    expect(model).toMatchObject({ windowLength: 6, featureCount: F, outputSize: 2 });
  });

  it('exposes attention weights only for models with an attention layer; padded steps get 0', () => {
    expect(createSequenceModel(graph(6, architectures(7).lstm)).attention).toBeUndefined();
    const model = createSequenceModel(graph(6, [{ type: 'masking', name: 'masking', maskValue: MASK }, ...architectures(7).attention]));
    const window = randomRows(6, 4);
    window.fill(MASK, 0, 2 * F);
    model.predict(window);
    const alpha = model.attention!();
    expect(alpha).toHaveLength(6);
    expect(Array.from(alpha.subarray(0, 2))).toEqual([0, 0]);
    expect(alpha.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(Math.min(...alpha.subarray(2))).toBeGreaterThan(0);
  });

  it('rejects windows and output buffers of the wrong size', () => {
    const model = createSequenceModel(graph(6, architectures(8).gru));
    expect(() => model.predict(new Float32Array(6 * F - 1))).toThrow(BufferSizeError);
    expect(() => model.predict(new Float32Array(6 * F - 1))).toThrow(`needs ${6 * F} values, got ${6 * F - 1}`);
    expect(() => model.predict(new Float32Array(6 * F), new Float32Array(3))).toThrow('output needs 2 values, got 3');
  });

  it('rejects malformed graphs, naming the layer, the field and the value', () => {
    const r = new SeededRandom(9);
    const wrongShape = { ...layers.lstm(F, 6, false, r), name: 'lstm' };
    (wrongShape as { weights: { kernel: GraphTensor } }).weights.kernel = tensor([F, 20], r);
    const cases: [SequenceGraph, string][] = [
      [graph(6, [wrongShape]), 'layers[0] (lstm).weights.kernel: expected shape [4, 24], got [4, 20]'],
      [graph(6, [layers.lstm(F, 6, true, r)]), 'the last layer must output a vector, got a sequence [6, 6]'],
      [graph(6, [{ ...layers.dense(F, 2, 'relu', r), activation: 'swish' as 'relu' }]), "unsupported activation 'swish'"],
      [graph(6, [{ type: 'conv1d', name: 'c' } as unknown as LayerSpec]), "layers[0] (c).type: unknown layer type 'conv1d'"],
      [graph(6, []), 'layers: expected at least one layer'],
      [{ ...graph(6, architectures(9).lstm), windowLength: 0 }, 'windowLength: expected a positive integer, got 0'],
      [{ ...graph(6, architectures(9).lstm), version: 2 as 1 }, 'version: expected 1, got 2'],
      [graph(6, [layers.lstm(F, 3, false, r), { ...layers.lstm(3, 3, false, r), name: 'second' }]), 'layers[1] (second): an LSTM needs a sequence input, got a vector of 3'],
      [graph(6, [{ ...layers.dense(F, 2, 'relu', r), name: 'twice' }, { ...layers.dense(2, 2, 'relu', r), name: 'twice' }]), "layers[1] (twice).name: 'twice' is already taken"],
      [graph(6, [{ ...layers.dense(F, 2, 'relu', r), inputs: ['later'] }, { ...layers.dense(2, 2, 'relu', r), name: 'later' }]), "'later' is neither 'window' nor an earlier layer"],
      [graph(6, [{ ...layers.dense(F, 2, 'relu', r), inputs: ['window', 'window'] }]), 'inputs: expected 1 input, got 2'],
      [
        graph(6, [{ ...layers.lstm(F, 3, false, r), name: 'summary' }, { type: 'concatenate', name: 'mixed', inputs: ['window', 'summary'] }]),
        'layers[1] (mixed).inputs[1]: cannot concatenate a vector [3] with a sequence [6, 4]',
      ],
      [graph(6, [layers.encoder(F, 3, 4, r)]), 'width 4 is not divisible by 3 heads'],
    ];
    for (const [bad, message] of cases) {
      expect(() => createSequenceModel(bad)).toThrow(InvalidSequenceGraphError);
      expect(() => createSequenceModel(bad)).toThrow(message);
    }
    try {
      createSequenceModel(cases[0][0]);
    } catch (error) {
      expect(error).toBeInstanceOf(CandlecastError);
      expect((error as CandlecastError).code).toBe('invalid_sequence_graph');
    }
  });
});
