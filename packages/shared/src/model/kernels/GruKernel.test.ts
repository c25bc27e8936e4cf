import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/SeededRandom';
import type { GraphTensor, GruLayerSpec } from './SequenceGraph';
import { GruKernel } from './GruKernel';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function tensor(shape: number[], random: SeededRandom): GraphTensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Float32Array.from({ length: size }, () => random.normal() * 0.5) };
}

function gruSpec(inputWidth: number, units: number, seed: number): GruLayerSpec {
  const random = new SeededRandom(seed);
  return {
    type: 'gru',
    name: 'gru',
    units,
    returnSequences: true,
    activation: 'tanh',
    recurrentActivation: 'sigmoid',
    weights: {
      kernel: tensor([inputWidth, 3 * units], random),
      recurrentKernel: tensor([units, 3 * units], random),
      bias: tensor([3 * units], random),
    },
  };
}

/** tfjs's GRUCell written out plainly: column blocks z, r, h; the reset gate scales h BEFORE R_h. */
function referenceGru(spec: GruLayerSpec, input: number[], steps: number, mask: Uint8Array | null): number[][] {
  const u = spec.units;
  const width = input.length / steps;
  const { kernel, recurrentKernel, bias } = spec.weights;
  const column = (matrix: Float32Array, row: number, gate: number, n: number) => matrix[row * 3 * u + gate * u + n];
  let h = new Array<number>(u).fill(0);
  const outputs: number[][] = [];
  for (let t = 0; t < steps; t++) {
    if (mask && !mask[t]) {
      outputs.push([...h]);
      continue;
    }
    const x = (gate: number, n: number) => {
      let sum = bias!.values[gate * u + n];
      for (let k = 0; k < width; k++) sum += input[t * width + k] * column(kernel.values, k, gate, n);
      return sum;
    };
    const recurrent = (state: number[], gate: number, n: number) => {
      let sum = 0;
      for (let k = 0; k < u; k++) sum += state[k] * column(recurrentKernel.values, k, gate, n);
      return sum;
    };
    const z = h.map((_, n) => sigmoid(x(0, n) + recurrent(h, 0, n)));
    const r = h.map((_, n) => sigmoid(x(1, n) + recurrent(h, 1, n)));
    const resetState = h.map((value, k) => r[k] * value);
    h = h.map((value, n) => z[n] * value + (1 - z[n]) * Math.tanh(x(2, n) + recurrent(resetState, 2, n)));
    outputs.push([...h]);
  }
  return outputs;
}

function randomInput(steps: number, width: number, seed: number): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: steps * width }, () => random.normal());
}

describe('GruKernel', () => {
  it('reproduces hand-computed states of a 1-unit cell', () => {
    const spec: GruLayerSpec = {
      type: 'gru',
      name: 'tiny',
      units: 1,
      returnSequences: true,
      activation: 'tanh',
      recurrentActivation: 'sigmoid',
      weights: {
        kernel: { shape: [1, 3], values: Float32Array.from([0.5, 0.5, 0.5]) },
        recurrentKernel: { shape: [1, 3], values: Float32Array.from([-0.25, -0.25, 0.75]) },
        bias: { shape: [3], values: Float32Array.from([0, 0, 0.125]) },
      },
    };
    const kernel = new GruKernel(spec, { sequence: true, steps: 2, width: 1 }, 'tiny');
    kernel.run(Array.from([1, -1]), null);
    // computed independently in float64 (Python math) from the equations in the class comment
    expect(kernel.output[0]).toBeCloseTo(0.20938395009105154, 14);
    expect(kernel.output[1]).toBeCloseTo(-0.1185849482475905, 14);
  });

  for (const [width, units] of [[5, 4], [3, 7], [6, 1], [20, 12]]) {
    it(`matches the reset-before-matmul equations for input ${width}, ${units} units`, () => {
      const spec = gruSpec(width, units, width * 10 + units);
      const steps = 8;
      const input = randomInput(steps, width, 6);
      const kernel = new GruKernel(spec, { sequence: true, steps, width }, 'gru');
      kernel.run(input, null);
      const expected = referenceGru(spec, input, steps, null);
      for (let t = 0; t < steps; t++) for (let n = 0; n < units; n++) expect(kernel.output[t * units + n]).toBeCloseTo(expected[t][n], 12);
    });
  }

  it('carries state and repeats the previous output at masked steps', () => {
    const spec = gruSpec(3, 4, 11);
    const input = randomInput(6, 3, 7);
    const mask = Uint8Array.from([0, 1, 1, 0, 0, 1]);
    const kernel = new GruKernel(spec, { sequence: true, steps: 6, width: 3 }, 'gru');
    kernel.run(input, mask);
    const expected = referenceGru(spec, input, 6, mask);
    for (let t = 0; t < 6; t++) for (let n = 0; n < 4; n++) expect(kernel.output[t * 4 + n]).toBeCloseTo(expected[t][n], 12);
    expect(Array.from(kernel.output.slice(12, 16))).toEqual(Array.from(kernel.output.slice(8, 12)));
  });
});
