import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/SeededRandom';
import type { GraphTensor, LstmLayerSpec } from './SequenceGraph';
import { LstmKernel } from './LstmKernel';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function tensor(shape: number[], random: SeededRandom): GraphTensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Float32Array.from({ length: size }, () => random.normal() * 0.5) };
}

function lstmSpec(inputWidth: number, units: number, returnSequences: boolean, seed: number): LstmLayerSpec {
  const random = new SeededRandom(seed);
  return {
    type: 'lstm',
    name: 'lstm',
    units,
    returnSequences,
    activation: 'tanh',
    recurrentActivation: 'sigmoid',
    weights: {
      kernel: tensor([inputWidth, 4 * units], random),
      recurrentKernel: tensor([units, 4 * units], random),
      bias: tensor([4 * units], random),
    },
  };
}

/** The Keras LSTM equations written out plainly over tfjs's layout (gate blocks i, f, c, o). */
function referenceLstm(spec: LstmLayerSpec, input: number[], steps: number, mask: Uint8Array | null): number[][] {
  const u = spec.units;
  const width = input.length / steps;
  const { kernel, recurrentKernel, bias } = spec.weights;
  let h = new Array<number>(u).fill(0);
  const c = new Array<number>(u).fill(0);
  const outputs: number[][] = [];
  for (let t = 0; t < steps; t++) {
    if (mask && !mask[t]) {
      outputs.push([...h]);
      continue;
    }
    const z = (gate: number, n: number) => {
      let sum = bias!.values[gate * u + n];
      for (let k = 0; k < width; k++) sum += input[t * width + k] * kernel.values[k * 4 * u + gate * u + n];
      for (let k = 0; k < u; k++) sum += h[k] * recurrentKernel.values[k * 4 * u + gate * u + n];
      return sum;
    };
    const next = new Array<number>(u);
    for (let n = 0; n < u; n++) {
      c[n] = sigmoid(z(1, n)) * c[n] + sigmoid(z(0, n)) * Math.tanh(z(2, n));
      next[n] = sigmoid(z(3, n)) * Math.tanh(c[n]);
    }
    h = next;
    outputs.push([...h]);
  }
  return outputs;
}

function randomInput(steps: number, width: number, seed: number): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: steps * width }, () => random.normal());
}

describe('LstmKernel', () => {
  it('reproduces hand-computed states of a 1-unit cell (forget bias 1, shared weights)', () => {
    const spec: LstmLayerSpec = {
      type: 'lstm',
      name: 'tiny',
      units: 1,
      returnSequences: true,
      activation: 'tanh',
      recurrentActivation: 'sigmoid',
      weights: {
        kernel: { shape: [1, 4], values: Float32Array.from([0.5, 0.5, 0.5, 0.5]) },
        recurrentKernel: { shape: [1, 4], values: Float32Array.from([-0.25, -0.25, -0.25, -0.25]) },
        bias: { shape: [4], values: Float32Array.from([0, 1, 0, 0]) },
      },
    };
    const kernel = new LstmKernel(spec, { sequence: true, steps: 2, width: 1 }, 'tiny');
    kernel.run(Array.from([1, -1]), null);
    // computed independently in float64 (Python math) from the equations in the class comment
    expect(kernel.output[0]).toBeCloseTo(0.17426971865610508, 14);
    expect(kernel.output[1]).toBeCloseTo(-0.0022055655032733514, 14);
  });

  for (const [width, units] of [[5, 6], [3, 7], [4, 1], [20, 16]]) {
    it(`matches the plain equations for input ${width}, ${units} units, every step returned`, () => {
      const spec = lstmSpec(width, units, true, width * 10 + units);
      const steps = 9;
      const input = randomInput(steps, width, 3);
      const kernel = new LstmKernel(spec, { sequence: true, steps, width }, 'lstm');
      kernel.run(input, null);
      const expected = referenceLstm(spec, input, steps, null);
      for (let t = 0; t < steps; t++) for (let n = 0; n < units; n++) expect(kernel.output[t * units + n]).toBeCloseTo(expected[t][n], 12);
    });
  }

  it('returns only the last state without returnSequences, and a second run starts from zero state', () => {
    const spec = lstmSpec(4, 6, false, 9);
    const input = randomInput(7, 4, 4);
    const kernel = new LstmKernel(spec, { sequence: true, steps: 7, width: 4 }, 'lstm');
    expect(kernel.outputShape).toEqual({ sequence: false, steps: 1, width: 6 });
    const expected = referenceLstm(spec, input, 7, null)[6];
    kernel.run(input, null);
    kernel.run(input, null);
    expect(Array.from(kernel.output)).toEqual(expected.map((v) => expect.closeTo(v, 12)));
  });

  it('carries state and repeats the previous output at masked steps', () => {
    const spec = lstmSpec(3, 5, true, 10);
    const input = randomInput(6, 3, 5);
    const mask = Uint8Array.from([0, 0, 1, 0, 1, 1]);
    const kernel = new LstmKernel(spec, { sequence: true, steps: 6, width: 3 }, 'lstm');
    expect(kernel.run(input, mask)).toBe(mask);
    const expected = referenceLstm(spec, input, 6, mask);
    for (let t = 0; t < 6; t++) for (let n = 0; n < 5; n++) expect(kernel.output[t * 5 + n]).toBeCloseTo(expected[t][n], 12);
    // leading padded steps output the zero initial state; step 3 repeats step 2
    expect(Array.from(kernel.output.slice(0, 10))).toEqual(new Array(10).fill(0));
    expect(Array.from(kernel.output.slice(15, 20))).toEqual(Array.from(kernel.output.slice(10, 15)));
  });
});
