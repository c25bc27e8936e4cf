import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/selectBackend';
import { PositionalEncoding, positionalEncodingTable } from './PositionalEncoding';

describe('PositionalEncoding', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('numbers positions from the newest step (p = T - 1 - t) with sin on even and cos on odd features', () => {
    const table = positionalEncodingTable(3, 4);
    // newest step (t = 2) is p = 0: sin(0) = 0, cos(0) = 1
    expect(Array.from(table.subarray(8, 12))).toEqual([0, 1, 0, 1]);
    // oldest step (t = 0) is p = 2: d = 0,1 use 2 / 10000^0, d = 2,3 use 2 / 10000^(2/4) = 0.02
    const expected = [Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)];
    Array.from(table.subarray(0, 4)).forEach((value, d) => expect(value).toBeCloseTo(expected[d], 6));
  });

  it('adds the table to its input and has no weights', () => {
    const layer = new PositionalEncoding();
    const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3, 4] }), layer] });
    expect(layer.weights).toHaveLength(0);
    const output = tf.tidy(() => Array.from((model.predict(tf.ones([1, 3, 4])) as tf.Tensor).dataSync()));
    const table = positionalEncodingTable(3, 4);
    output.forEach((value, i) => expect(value).toBeCloseTo(1 + table[i], 6));
    model.dispose();
  });
});
