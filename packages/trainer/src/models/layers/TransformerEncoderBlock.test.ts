import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/selectBackend';
import { MASK_VALUE } from '../historyPadding';
import { affine, layerNormRows, maskedSoftmax, randomValues } from './referenceMath';
import { LAYER_NORM_EPSILON, TransformerEncoderBlock } from './TransformerEncoderBlock';

const T = 5;
const D = 4;
const H = 2;
const F = 6;
const dk = D / H;

/** The block's math as documented, in float64, for one sample `[T, D]` with a keep-mask. */
function referenceBlock(x: number[], keep: boolean[], w: number[][]): number[] {
  const [wq, bq, wk, bk, wv, bv, wo, bo, g1, be1, w1, b1, w2, b2, g2, be2] = w;
  const q = affine(x, T, D, wq, bq, D);
  const k = affine(x, T, D, wk, bk, D);
  const v = affine(x, T, D, wv, bv, D);
  const merged = new Array<number>(T * D).fill(0);
  for (let h = 0; h < H; h++) {
    for (let i = 0; i < T; i++) {
      const scores = Array.from({ length: T }, (_, j) => {
        let dot = 0;
        for (let c = 0; c < dk; c++) dot += q[i * D + h * dk + c] * k[j * D + h * dk + c];
        return dot / Math.sqrt(dk);
      });
      const p = maskedSoftmax(scores, keep);
      for (let c = 0; c < dk; c++) merged[i * D + h * dk + c] = p.reduce((sum, pj, j) => sum + pj * v[j * D + h * dk + c], 0);
    }
  }
  const attended = affine(merged, T, D, wo, bo, D);
  const x1 = layerNormRows(x.map((value, i) => value + attended[i]), T, D, g1, be1, LAYER_NORM_EPSILON);
  const hidden = affine(x1, T, D, w1, b1, F).map((value) => Math.max(0, value));
  const ff = affine(hidden, T, F, w2, b2, D);
  return layerNormRows(x1.map((value, i) => value + ff[i]), T, D, g2, be2, LAYER_NORM_EPSILON);
}

describe('TransformerEncoderBlock', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('lists its 16 weights in the documented order and shapes', () => {
    const block = new TransformerEncoderBlock({ heads: H, ffDim: F, seed: 1, name: 'enc' });
    const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [T, D] }), block] });
    expect(block.weights.map((w) => `${w.originalName.replace('enc/', '')} ${w.shape.join('x')}`)).toEqual([
      'wq 4x4', 'bq 4', 'wk 4x4', 'bk 4', 'wv 4x4', 'bv 4', 'wo 4x4', 'bo 4',
      'ln1Gamma 4', 'ln1Beta 4', 'w1 4x6', 'b1 6', 'w2 6x4', 'b2 4', 'ln2Gamma 4', 'ln2Beta 4',
    ]);
    expect(block.getConfig()).toMatchObject({ heads: H, ffDim: F, seed: 1 });
    model.dispose();
  });

  it('computes the post-norm encoder block written at the top of its file, with padded keys left out', () => {
    const input = tf.input({ shape: [T, D] });
    const masked = tf.layers.masking({ maskValue: MASK_VALUE }).apply(input) as tf.SymbolicTensor;
    const block = new TransformerEncoderBlock({ heads: H, ffDim: F, seed: 1 });
    const model = tf.model({ inputs: input, outputs: block.apply(masked) as tf.SymbolicTensor });
    const weights = block.weights.map((w, i) => randomValues((w.shape as number[]).reduce((a, b) => a * b, 1), 10 + i, 0.7));
    tf.tidy(() => model.setWeights(block.weights.map((w, i) => tf.tensor(weights[i], w.shape as number[]))));
    const x = randomValues(T * D, 99, 1.5);
    const keep = [false, true, true, true, true];
    const padded = x.map((value, i) => (i < D ? MASK_VALUE : value));
    // Masking zeroes the padded row before the block sees it.
    const expected = referenceBlock(x.map((value, i) => (i < D ? 0 : value)), keep, weights);
    const output = tf.tidy(() => Array.from((model.predict(tf.tensor3d(padded, [1, T, D])) as tf.Tensor).dataSync()));
    for (let i = D; i < T * D; i++) expect(output[i]).toBeCloseTo(expected[i], 4);
    model.dispose();
  });

  it('rejects a width that the heads do not divide', () => {
    const block = new TransformerEncoderBlock({ heads: 3, ffDim: F });
    expect(() => tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [T, D] }), block] })).toThrow(/not divisible by heads 3/);
  });
});
