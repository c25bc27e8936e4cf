import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { selectBackend, type BackendChoice } from './selectBackend';

const require = createRequire(import.meta.url);
const installed = (name: string) => {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
};
const nativeInstalled = installed('@tensorflow/tfjs-node') || installed('@tensorflow/tfjs-node-gpu');

describe('selectBackend', () => {
  afterAll(async () => {
    await selectBackend('cpu');
  });

  it('activates cpu and wasm by name; wasm finds its .wasm files in node_modules', async () => {
    expect(await selectBackend('cpu')).toEqual({ name: 'cpu', description: 'cpu' });
    expect(tf.getBackend()).toBe('cpu');
    expect(await selectBackend('wasm')).toEqual({ name: 'wasm', description: 'wasm' });
    expect(tf.getBackend()).toBe('wasm');
    const product = tf.tidy(() => Array.from(tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()));
    expect(product).toEqual([11]);
  });

  it('auto takes the best available backend and says why', async () => {
    const selected = await selectBackend('auto');
    if (nativeInstalled) {
      expect(selected.name).toBe('tensorflow');
    } else {
      expect(selected.name).toBe('wasm');
      expect(selected.description).toMatch(/^wasm \(auto: .*tfjs-node not installed\)$/);
    }
    expect(tf.getBackend()).toBe(selected.name);
  });

  it('explains how to install tfjs-node when tensorflow is asked for by name and missing', async () => {
    if (nativeInstalled) {
      expect((await selectBackend('tensorflow')).name).toBe('tensorflow');
    } else {
      await expect(selectBackend('tensorflow')).rejects.toThrow(/--backend tensorflow needs @tensorflow\/tfjs-node .*npm install @tensorflow\/tfjs-node/);
    }
  });

  it('rejects an unknown backend, naming the option', async () => {
    await expect(selectBackend('webgpu' as BackendChoice)).rejects.toThrow(/--backend must be one of auto, tensorflow, wasm, cpu, got "webgpu"/);
  });
});
