import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/SeededRandom';
import type { TransformerEncoderBlockLayerSpec } from './SequenceGraph';
import { TransformerEncoderBlockKernel } from './TransformerEncoderBlockKernel';

type Matrix = number[][];
const T = 5;
const D = 6;
const HEADS = 3;
const FF = 4;

function randomMatrix(rows: number, columns: number, random: SeededRandom): Matrix {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.fround(random.normal() * 0.5)));
}

const multiply = (a: Matrix, b: Matrix): Matrix => a.map((row) => b[0].map((_, j) => row.reduce((sum, x, k) => sum + x * b[k][j], 0)));
const addRow = (a: Matrix, row: number[]): Matrix => a.map((r) => r.map((x, j) => x + row[j]));
const add = (a: Matrix, b: Matrix): Matrix => a.map((r, i) => r.map((x, j) => x + b[i][j]));
function layerNorm(a: Matrix, gamma: number[], beta: number[]): Matrix {
  return a.map((row) => {
    const mean = row.reduce((s, x) => s + x, 0) / row.length;
    const variance = row.reduce((s, x) => s + (x - mean) ** 2, 0) / row.length;
    return row.map((x, j) => ((x - mean) / Math.sqrt(variance + 1e-5)) * gamma[j] + beta[j]);
  });
}

/** The block's math from the trainer's TransformerEncoderBlock.ts, one matrix operation at a time. */
function referenceBlock(x: Matrix, w: Record<string, Matrix>, mask: number[] | null): Matrix {
  const q = addRow(multiply(x, w.wq), w.bq[0]);
  const k = addRow(multiply(x, w.wk), w.bk[0]);
  const v = addRow(multiply(x, w.wv), w.bv[0]);
  const dk = D / HEADS;
  const attended: Matrix = x.map(() => new Array<number>(D).fill(0));
  for (let h = 0; h < HEADS; h++) {
    const cols = (m: Matrix, i: number) => m[i].slice(h * dk, (h + 1) * dk);
    for (let i = 0; i < T; i++) {
      const scores = x.map((_, j) => cols(q, i).reduce((s, a, c) => s + a * cols(k, j)[c], 0) / Math.sqrt(dk) + (mask && !mask[j] ? -1e9 : 0));
      const max = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - max));
      const total = e.reduce((s, a) => s + a, 0);
      for (let j = 0; j < T; j++) for (let c = 0; c < dk; c++) attended[i][h * dk + c] += (e[j] / total) * cols(v, j)[c];
    }
  }
  const x1 = layerNorm(add(x, addRow(multiply(attended, w.wo), w.bo[0])), w.ln1Gamma[0], w.ln1Beta[0]);
  const hidden = addRow(multiply(x1, w.w1), w.b1[0]).map((row) => row.map((a) => Math.max(a, 0)));
  return layerNorm(add(x1, addRow(multiply(hidden, w.w2), w.b2[0])), w.ln2Gamma[0], w.ln2Beta[0]);
}

describe('TransformerEncoderBlockKernel', () => {
  const random = new SeededRandom(42);
  const shapes: Record<string, [number, number]> = {
    wq: [D, D], bq: [1, D], wk: [D, D], bk: [1, D], wv: [D, D], bv: [1, D], wo: [D, D], bo: [1, D],
    ln1Gamma: [1, D], ln1Beta: [1, D], w1: [D, FF], b1: [1, FF], w2: [FF, D], b2: [1, D], ln2Gamma: [1, D], ln2Beta: [1, D],
  };
  const weights = Object.fromEntries(Object.entries(shapes).map(([name, [r, c]]) => [name, randomMatrix(r, c, random)]));
  const spec = {
    type: 'transformerEncoderBlock',
    name: 'encoder',
    heads: HEADS,
    ffDim: FF,
    epsilon: 1e-5,
    weights: Object.fromEntries(
      Object.entries(weights).map(([name, m]) => [name, { shape: shapes[name][0] === 1 ? [shapes[name][1]] : shapes[name], values: Float32Array.from(m.flat()) }]),
    ),
  } as TransformerEncoderBlockLayerSpec;
  const x = randomMatrix(T, D, random);
  const kernel = new TransformerEncoderBlockKernel(spec, { sequence: true, steps: T, width: D }, 'encoder');

  for (const mask of [null, [0, 0, 1, 0, 1]]) {
    it(`matches the block written as plain matrix algebra (${mask ? 'masked keys' : 'no mask'})`, () => {
      const maskArray = mask ? Uint8Array.from(mask) : null;
      expect(kernel.run(Array.from(x.flat()), maskArray)).toBe(maskArray);
      const expected = referenceBlock(x, weights, mask).flat();
      expect(Array.from(kernel.output)).toEqual(expected.map((value) => expect.closeTo(value, 11)));
    });
  }
});
