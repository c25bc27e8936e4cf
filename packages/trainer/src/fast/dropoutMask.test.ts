import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import { dropoutMask } from './dropoutMask';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

test.each([
  [0.2, 7],
  [0.5, 123456789],
  [0.35, 4294967295],
])('draws exactly the multipliers tf.dropout draws (rate %f, seed %i)', (rate, seed) => {
  const size = 3 * 5 * 7;
  const expected = tf.tidy(() => tf.dropout(tf.ones([3, 5, 7]), rate, undefined, seed).dataSync() as Float32Array);
  const mask = dropoutMask(size, rate, seed);
  expect(Array.from(mask)).toEqual(Array.from(expected));
  expect(new Set(mask).size).toBe(2);
});

test('different seeds draw different masks, and about `rate` of them are zero', () => {
  const a = dropoutMask(20_000, 0.2, 1);
  const b = dropoutMask(20_000, 0.2, 2);
  expect(Array.from(a)).not.toEqual(Array.from(b));
  const zeros = a.filter((v) => v === 0).length / a.length;
  expect(zeros).toBeGreaterThan(0.19);
  expect(zeros).toBeLessThan(0.21);
  expect(a.find((v) => v !== 0)).toBe(Math.fround(1 / Math.fround(0.8)));
});
