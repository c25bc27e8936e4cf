import { describe, expect, it } from 'vitest';
import { applyActivation, erf, gelu, hardSigmoid, sigmoid, softmaxInPlace, tanh } from './activations';

describe('activations', () => {
  it('tanh through exp agrees with Math.tanh, including saturation far out', () => {
    for (const x of [-1000, -30, -5, -1, -1e-9, 0, 1e-9, 0.3, 2, 19, 1000]) expect(tanh(x)).toBeCloseTo(Math.tanh(x), 15);
    expect(tanh(1000)).toBe(1);
    expect(tanh(-1000)).toBe(-1);
  });

  it('sigmoid is 1/2 at 0 and saturates to exactly 0 and 1 without NaN', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });

  it('hardSigmoid is clip(0.2 x + 0.5, 0, 1) like tfjs-layers', () => {
    expect([-3, -2.5, 0, 1, 2.5, 3].map(hardSigmoid)).toEqual([0, 0, 0.5, 0.7, 1, 1]);
  });

  it('erf and exact GELU within 1.5e-7 of reference values', () => {
    // erf values from Abramowitz & Stegun table 7.1; Phi(1) = 0.8413447460685429
    expect(Math.abs(erf(0.5) - 0.5204998778130465)).toBeLessThan(1.5e-7);
    expect(Math.abs(erf(1) - 0.8427007929497149)).toBeLessThan(1.5e-7);
    expect(Math.abs(erf(-2) + 0.9953222650189527)).toBeLessThan(1.5e-7);
    expect(erf(0)).toBeCloseTo(0, 8);
    expect(Math.abs(gelu(1) - 0.8413447460685429)).toBeLessThan(1.5e-7);
    expect(Math.abs(gelu(-1) + 0.15865525393145707)).toBeLessThan(1.5e-7);
  });

  it('softmax normalises each row on its own and survives large logits', () => {
    const values = Array.from([1000, 1000, 0, Math.log(3)]);
    applyActivation('softmax', values, 2, 2);
    expect(Array.from(values)).toEqual([0.5, 0.5, expect.closeTo(0.25, 15), expect.closeTo(0.75, 15)]);
    const row = Array.from([9, 1, 2, 3, 9]);
    softmaxInPlace(row, 1, 3);
    expect(row[0]).toBe(9);
    expect(row[4]).toBe(9);
    expect(row[1] + row[2] + row[3]).toBeCloseTo(1, 15);
  });

  it('relu and linear in place', () => {
    const values = Array.from([-1, 2, -0, 3]);
    applyActivation('relu', values, 1, 4);
    expect(Array.from(values)).toEqual([0, 2, -0, 3]);
    applyActivation('linear', values, 1, 4);
    expect(Array.from(values)).toEqual([0, 2, -0, 3]);
  });
});
