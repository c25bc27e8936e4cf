import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/SeededRandom';
import { dequantizeInt8, quantizeInt8 } from './int8';

describe('int8 per-output-channel quantization', () => {
  it('uses max|w| / 127 of each column (last axis) and stays within scale / 2', () => {
    const random = new SeededRandom(3);
    const [rows, cols] = [37, 9];
    const weights = Float32Array.from({ length: rows * cols }, (_, i) => random.normal() * (1 + (i % cols)));
    const { values, scales } = quantizeInt8(weights, [rows, cols]);
    expect(scales).toHaveLength(cols);
    const restored = dequantizeInt8(values, scales);
    for (let c = 0; c < cols; c++) {
      let max = 0;
      for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(weights[r * cols + c]));
      expect(scales[c]).toBe(Math.fround(max / 127));
    }
    for (let i = 0; i < weights.length; i++) {
      const scale = scales[i % cols];
      expect(Math.abs(values[i])).toBeLessThanOrEqual(127);
      // q x scale is within scale/2 exactly; storing it as float32 adds at most half an ulp of w.
      expect(Math.abs(weights[i] - restored[i])).toBeLessThanOrEqual(scale / 2 + Math.abs(weights[i]) * 2 ** -24);
    }
    // The largest weight of each column maps to +-127 and comes back almost exactly.
    const largest = weights.reduce((best, w, i) => (i % cols === 0 && Math.abs(w) > Math.abs(weights[best]) ? i : best), 0);
    expect(Math.abs(values[largest])).toBe(127);
  });

  it('keeps zero columns at zero with scale 0, and a constant column exact', () => {
    // [3, 2]: column 0 all zero, column 1 constant -0.25.
    const { values, scales } = quantizeInt8([0, -0.25, 0, -0.25, 0, -0.25], [3, 2]);
    expect(Array.from(scales)).toEqual([0, Math.fround(0.25 / 127)]);
    expect(Array.from(values)).toEqual([0, -127, 0, -127, 0, -127]);
    const restored = dequantizeInt8(values, scales);
    expect(Array.from(restored).filter((_, i) => i % 2 === 0)).toEqual([0, 0, 0]);
    for (const v of Array.from(restored).filter((_, i) => i % 2 === 1)) expect(Math.abs(v + 0.25)).toBeLessThan(1e-7);
  });

  it('handles 1-D tensors, scalars and columns of subnormals', () => {
    expect(Array.from(quantizeInt8([2, -4], [2]).values)).toEqual([127, -127]);
    expect(Array.from(quantizeInt8([0.5], []).scales)).toEqual([Math.fround(0.5 / 127)]);
    const tiny = quantizeInt8([1e-45, -1e-45], [2, 1]);
    expect(tiny.scales[0]).toBeGreaterThan(0);
    expect(Array.from(dequantizeInt8(tiny.values, tiny.scales)).map(Math.abs)).toEqual([Math.fround(1e-45), Math.fround(1e-45)]);
  });

  it('rejects a shape that does not match the values, and non-finite weights', () => {
    expect(() => quantizeInt8([1, 2, 3], [2, 2], 'lstm/kernel')).toThrow('lstm/kernel: shape [2,2] needs 4 values, got 3');
    expect(() => quantizeInt8([1, Number.NaN], [2], 'dense/bias')).toThrow('dense/bias: element 1 is NaN');
  });
});
