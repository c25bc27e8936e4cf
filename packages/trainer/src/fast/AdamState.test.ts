import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, test } from 'vitest';
import { AdamState, DEFAULT_ADAM } from './AdamState';
import { createKernels } from './kernels/loadKernels';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

test.each(['wasm-simd', 'js'] as const)("three steps with %s kernels give bit for bit the weights of tfjs's AdamOptimizer (defaults)", (kind) => {
  const size = 9;
  const start = Float32Array.from({ length: size }, (_, i) => Math.sin(i + 1));
  // gradients of very different sizes, including ones near epsilon where Adam is most sensitive
  const gradients = [0, 1, 2].map((step) => Float32Array.from({ length: size }, (_, i) => Math.cos(i * 3 + step) * 10 ** (-(i % 9)) * (step % 2 ? -1 : 1)));

  const variable = tf.variable(tf.tensor1d(start));
  const optimizer = tf.train.adam();
  for (const g of gradients) tf.tidy(() => optimizer.applyGradients([{ name: variable.name, tensor: tf.tensor1d(g) }]));
  const expected = variable.dataSync();

  const k = createKernels(kind);
  const params = k.alloc(size);
  const grads = k.alloc(size);
  k.heap().set(start, params);
  const adam = new AdamState(k, size, DEFAULT_ADAM);
  for (const g of gradients) {
    k.heap().set(g, grads);
    adam.step(params, grads);
  }
  expect(Array.from(k.heap().subarray(params, params + size))).toEqual(Array.from(expected));
  expect(adam.snapshot().iterations).toBe(3);
  variable.dispose();
  optimizer.dispose();
});
