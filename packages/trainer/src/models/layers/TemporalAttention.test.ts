import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/selectBackend';
import { MASK_VALUE } from '../historyPadding';
import { affine, maskedSoftmax, randomValues } from './referenceMath';
import { TemporalAttention } from './TemporalAttention';

const T = 5;
const U = 3;
const A = 4;

describe('TemporalAttention', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('computes the additive attention written at the top of its file, padded steps excluded', () => {
    const input = tf.input({ shape: [T, U] });
    const masked = tf.layers.masking({ maskValue: MASK_VALUE }).apply(input) as tf.SymbolicTensor;
    const attention = new TemporalAttention({ units: A, seed: 1 });
    const model = tf.model({ inputs: input, outputs: attention.apply(masked) as tf.SymbolicTensor });
    const W = randomValues(U * A, 1);
    const b = randomValues(A, 2);
    const v = randomValues(A, 3);
    tf.tidy(() => model.setWeights([tf.tensor2d(W, [U, A]), tf.tensor1d(b), tf.tensor1d(v)]));
    const H = randomValues(T * U, 4, 2);
    const padded = H.map((value, i) => (i < 2 * U ? MASK_VALUE : value));

    const keep = Array.from({ length: T }, (_, t) => t >= 2);
    const hidden = affine(H, T, U, W, b, A).map(Math.tanh);
    const scores = Array.from({ length: T }, (_, t) => v.reduce((sum, va, a) => sum + va * hidden[t * A + a], 0));
    const alpha = maskedSoftmax(scores, keep);
    const expected = Array.from({ length: U }, (_, u) => alpha.reduce((sum, at, t) => sum + at * H[t * U + u], 0));

    const output = tf.tidy(() => (model.predict(tf.tensor3d(padded, [1, T, U])) as tf.Tensor).arraySync() as number[][]);
    output[0].forEach((value, u) => expect(value).toBeCloseTo(expected[u], 5));
    const weights = tf.tidy(() => attention.weightsFor(tf.tensor3d(H, [1, T, U]), tf.tensor2d([keep.map(Number)], [1, T]).cast('bool')).arraySync());
    weights[0].forEach((value, t) => expect(value).toBeCloseTo(alpha[t], 6));
    expect(weights[0][0]).toBe(0);
    model.dispose();
  });

  it('lists its weights as kernel [U, A], bias [A], score [A] and serialises its config', () => {
    const layer = new TemporalAttention({ units: A, seed: 7, name: 'att' });
    const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [T, U] }), layer] });
    expect(layer.weights.map((w) => [w.originalName, w.shape])).toEqual([
      ['att/kernel', [U, A]],
      ['att/bias', [A]],
      ['att/score', [A]],
    ]);
    expect(layer.getConfig()).toMatchObject({ units: A, seed: 7 });
    expect(layer.computeOutputShape([null, T, U])).toEqual([null, U]);
    model.dispose();
  });
});
