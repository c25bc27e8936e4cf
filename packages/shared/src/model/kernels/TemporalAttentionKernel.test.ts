import { describe, expect, it } from 'vitest';
import type { TemporalAttentionLayerSpec } from './SequenceGraph';
import { TemporalAttentionKernel } from './TemporalAttentionKernel';

function spec(kernel: number[], bias: number[], score: number[], inputWidth: number): TemporalAttentionLayerSpec {
  const units = bias.length;
  return {
    type: 'temporalAttention',
    name: 'attention',
    units,
    weights: {
      kernel: { shape: [inputWidth, units], values: Float32Array.from(kernel) },
      bias: { shape: [units], values: Float32Array.from(bias) },
      score: { shape: [units], values: Float32Array.from(score) },
    },
  };
}

describe('TemporalAttentionKernel', () => {
  it('weights steps by softmax_t(v . tanh(H_t W + b)) (hand-computed, 1 unit)', () => {
    const kernel = new TemporalAttentionKernel(spec([1, 0], [0], [2], 2), { sequence: true, steps: 2, width: 2 }, 'a');
    // H = [[0, 5], [1, 7]]: scores e = [2 tanh 0, 2 tanh 1]
    expect(kernel.run(Array.from([0, 5, 1, 7]), null)).toBeNull();
    const second = 1 / (1 + Math.exp(-2 * Math.tanh(1)));
    expect(kernel.weights[1]).toBeCloseTo(second, 15);
    expect(kernel.weights[0]).toBeCloseTo(1 - second, 15);
    expect(kernel.output[0]).toBeCloseTo(second, 15);
    expect(kernel.output[1]).toBeCloseTo(5 * (1 - second) + 7 * second, 14);
  });

  it('gives masked steps weight 0 and spreads a flat score evenly over the real ones', () => {
    const kernel = new TemporalAttentionKernel(spec([0.3, -0.2, 0.5, 0.1], [0.1, 0.2], [0, 0], 2), { sequence: true, steps: 4, width: 2 }, 'a');
    kernel.run(Array.from([9, 9, 1, 2, 3, 4, 5, 6]), Uint8Array.from([0, 1, 1, 1]));
    expect(Array.from(kernel.weights)).toEqual([0, 1 / 3, 1 / 3, 1 / 3].map((w) => expect.closeTo(w, 15)));
    expect(Array.from(kernel.output)).toEqual([expect.closeTo(3, 14), expect.closeTo(4, 14)]);
  });
});
