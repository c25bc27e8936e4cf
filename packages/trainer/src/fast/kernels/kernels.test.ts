import { describe, expect, test } from 'vitest';
import { createJsKernels } from './jsKernels';
import type { Kernels } from './Kernels';
import { createKernels, selectKernels } from './loadKernels';

/** Deterministic values in [-1, 1). */
function values(count: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  });
}

function put(k: Kernels, data: Float32Array): number {
  const offset = k.alloc(data.length);
  k.heap().set(data, offset);
  return offset;
}

const read = (k: Kernels, offset: number, count: number) => k.heap().slice(offset, offset + count);

function expectClose(actual: Float32Array, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

test('the compiled wasm-simd kernels are built and load (npm install runs assembly/build.mjs)', () => {
  const selection = selectKernels('auto');
  expect(selection.reason).toBe('wasm-simd (build/kernels.wasm)');
  expect(createKernels('wasm-simd').kind).toBe('wasm-simd');
});

describe.each(['wasm-simd', 'js'] as const)('%s kernels', (kind) => {
  // sizes cover the 4 x 8 tiles, the 1 x 8 / 1 x 4 / scalar tails and more than one depth block
  test.each([
    [9, 19, 70, 'A'],
    [4, 8, 3, 'A'],
    [13, 5, 130, 'A^T'],
    [1, 1, 1, 'A'],
    [6, 12, 0, 'A'],
  ] as const)('gemm %i x %i, depth %i, %s, equals a float64 reference, plain and accumulating', (m, n, depth, form) => {
    const k = createKernels(kind);
    const a = values(m * depth, 1);
    const b = values(depth * n, 2);
    const c0 = values(m * n, 3);
    const aAt = form === 'A' ? (i: number, p: number) => a[i * depth + p] : (i: number, p: number) => a[p * m + i];
    const [rowStride, colStride] = form === 'A' ? [depth, 1] : [1, m];
    const expected = (accumulate: boolean) =>
      Array.from({ length: m * n }, (_, index) => {
        const i = Math.floor(index / n), j = index % n;
        let sum = accumulate ? c0[index] : 0;
        for (let p = 0; p < depth; p++) sum += aAt(i, p) * b[p * n + j];
        return sum;
      });
    const pa = put(k, a), pb = put(k, b);
    for (const accumulate of [false, true]) {
      const pc = put(k, c0);
      k.gemm(m, n, depth, pa, rowStride, colStride, pb, n, pc, n, accumulate);
      expectClose(read(k, pc, m * n), expected(accumulate), 1e-5 * Math.max(1, depth));
    }
  });

  test('an LSTM step forward and backward equal a float64 reference (gate order i, f, c, o)', () => {
    const k = createKernels(kind);
    const rows = 3, units = 6; // 6 = one 4-wide vector + a scalar tail
    const pre = values(rows * 4 * units, 4).map((v) => v * 4);
    const cPrev = values(rows * units, 5);
    const dh = values(rows * units, 6);
    const dcNext = values(rows * units, 7);
    const sig = (x: number) => 1 / (1 + Math.exp(-x));
    const z = put(k, pre), pc = put(k, cPrev), c = k.alloc(rows * units), tc = k.alloc(rows * units), h = k.alloc(rows * units);
    k.lstmForwardStep(rows, units, z, pc, c, tc, h);
    const expectC: number[] = [], expectH: number[] = [], expectDz: number[] = new Array(rows * 4 * units), expectDc: number[] = [];
    for (let r = 0; r < rows; r++) {
      for (let u = 0; u < units; u++) {
        const g = (gate: number) => pre[r * 4 * units + gate * units + u];
        const i = sig(g(0)), f = sig(g(1)), cand = Math.tanh(g(2)), o = sig(g(3));
        const cn = f * cPrev[r * units + u] + i * cand;
        expectC.push(cn);
        expectH.push(o * Math.tanh(cn));
        const d = dh[r * units + u];
        const dct = dcNext[r * units + u] + d * o * (1 - Math.tanh(cn) ** 2);
        expectDz[r * 4 * units + u] = dct * cand * i * (1 - i);
        expectDz[r * 4 * units + units + u] = dct * cPrev[r * units + u] * f * (1 - f);
        expectDz[r * 4 * units + 2 * units + u] = dct * i * (1 - cand * cand);
        expectDz[r * 4 * units + 3 * units + u] = d * Math.tanh(cn) * o * (1 - o);
        expectDc.push(dct * f);
      }
    }
    expectClose(read(k, c, rows * units), expectC, 1e-6);
    expectClose(read(k, h, rows * units), expectH, 1e-6);
    const pdh = put(k, dh), pdc = put(k, dcNext);
    k.lstmBackwardStep(rows, units, z, pc, tc, pdh, pdc);
    expectClose(read(k, z, rows * 4 * units), expectDz, 1e-6);
    expectClose(read(k, pdc, rows * units), expectDc, 1e-6);
  });

  test('a GRU step forward and backward (both halves) equal a float64 reference (gate order z, r, h)', () => {
    const k = createKernels(kind);
    const rows = 2, units = 5;
    const pre = values(rows * 3 * units, 12).map((v) => v * 3);
    const hPrev = values(rows * units, 13);
    const dh = values(rows * units, 14);
    const dRh = values(rows * units, 15);
    const sig = (x: number) => 1 / (1 + Math.exp(-x));
    const g = put(k, pre), ph = put(k, hPrev), rh = k.alloc(rows * units), h = k.alloc(rows * units);
    k.gruGates(rows, units, g, ph, rh);
    k.gruOutput(rows, units, g, ph, h);
    const expectRh: number[] = [], expectH: number[] = [], expectDg: number[] = new Array(rows * 3 * units), expectDhPrev: number[] = [];
    for (let r = 0; r < rows; r++) {
      for (let u = 0; u < units; u++) {
        const at = (gate: number) => pre[r * 3 * units + gate * units + u];
        const z = sig(at(0)), reset = sig(at(1)), hh = Math.tanh(at(2)), hp = hPrev[r * units + u], d = dh[r * units + u], drh = dRh[r * units + u];
        expectRh.push(reset * hp);
        expectH.push(z * hp + (1 - z) * hh);
        expectDg[r * 3 * units + u] = d * (hp - hh) * z * (1 - z);
        expectDg[r * 3 * units + units + u] = drh * hp * reset * (1 - reset);
        expectDg[r * 3 * units + 2 * units + u] = d * (1 - z) * (1 - hh * hh);
        expectDhPrev.push(d * z + drh * reset);
      }
    }
    expectClose(read(k, rh, rows * units), expectRh, 1e-6);
    expectClose(read(k, h, rows * units), expectH, 1e-6);
    const pdh = put(k, dh), pdrh = put(k, dRh), dhPrev = put(k, values(rows * units, 16));
    k.gruBackwardOutput(rows, units, g, ph, pdh, dhPrev, false);
    k.gruBackwardReset(rows, units, g, ph, pdrh, dhPrev);
    expectClose(read(k, g, rows * 3 * units), expectDg, 1e-6);
    expectClose(read(k, dhPrev, rows * units), expectDhPrev, 1e-6);
  });

  test('the gate activations saturate without NaN for extreme pre-activations', () => {
    const k = createKernels(kind);
    const pre = Float32Array.from([-1e30, -200, -90, 0, 90, 200, 1e30, 1e-30], (v) => v);
    const z = put(k, Float32Array.from({ length: 4 * 8 }, (_, i) => pre[i % 8]));
    const zero = k.alloc(8), c = k.alloc(8), tc = k.alloc(8), h = k.alloc(8);
    k.lstmForwardStep(1, 8, z, zero, c, tc, h);
    const gates = read(k, z, 32);
    expect(Array.from(gates.subarray(0, 8))).toEqual([expect.closeTo(0, 30), expect.closeTo(0, 30), expect.closeTo(0, 30), 0.5, 1, 1, 1, 0.5]);
    expect(Array.from(gates.subarray(16, 24))).toEqual([-1, -1, -1, 0, 1, 1, 1, expect.closeTo(0, 20)]);
    expect(gates.every((g) => Number.isFinite(g))).toBe(true);
  });

  test('column sums, products, sums and row copies', () => {
    const k = createKernels(kind);
    const x = values(5 * 7, 8);
    const px = put(k, x), out = put(k, Float32Array.from({ length: 7 }, () => 1));
    k.columnSums(5, 7, px, out, true);
    expectClose(read(k, out, 7), Array.from({ length: 7 }, (_, j) => 1 + [0, 1, 2, 3, 4].reduce((s, r) => s + x[r * 7 + j], 0)), 1e-6);
    const y = values(35, 9), py = put(k, y), prod = k.alloc(35);
    k.multiply(35, px, py, prod);
    expectClose(read(k, prod, 35), Array.from(x, (v, i) => v * y[i]), 1e-7);
    k.addTo(35, px, py);
    expectClose(read(k, py, 35), Array.from(x, (v, i) => v + y[i]), 1e-7);
    const rows = k.alloc(3 * 7);
    k.repeatRow(3, 7, px, rows);
    expectClose(read(k, rows, 21), [...x.subarray(0, 7), ...x.subarray(0, 7), ...x.subarray(0, 7)], 0);
  });
});

test('Adam gives bit-identical parameters in wasm-simd and js (both round every step to float32 as tfjs does)', () => {
  const run = (k: Kernels) => {
    const n = 11;
    const p = put(k, values(n, 10)), g = put(k, values(n, 11)), m = k.alloc(n), v = k.alloc(n);
    const scalars = { learningRate: Math.fround(0.001), beta1: Math.fround(0.9), beta2: Math.fround(0.999), oneMinusBeta1: Math.fround(0.1), oneMinusBeta2: Math.fround(0.001), correction1: Math.fround(0.1), correction2: Math.fround(0.001), epsilon: Math.fround(1e-7) };
    k.adam(n, p, g, m, v, scalars);
    k.adam(n, p, g, m, v, { ...scalars, correction1: Math.fround(1 - 0.81), correction2: Math.fround(1 - 0.998001) });
    return read(k, p, n);
  };
  const wasm = run(createKernels('wasm-simd'));
  expect(Array.from(wasm)).toEqual(Array.from(run(createJsKernels())));
  expect(Array.from(wasm)).not.toEqual(Array.from(values(11, 10)));
});
