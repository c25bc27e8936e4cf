import type * as tf from '@tensorflow/tfjs';

interface SeededDropout {
  seed?: number;
}

/**
 * Gives every Dropout layer a seed for the next batch. tfjs draws dropout masks from Math.random
 * unless a layer has a seed, and a fixed seed repeats the same mask every batch, so the training
 * loop sets a fresh seed derived from (run seed, epoch, batch) before each step: reproducible on
 * cpu, and a resumed run draws the same masks as an uninterrupted one.
 */
export function seedDropoutLayers(model: tf.LayersModel, seed: number | undefined): void {
  model.layers.forEach((layer, index) => {
    if (layer.getClassName() === 'Dropout') (layer as unknown as SeededDropout).seed = seed === undefined ? undefined : seed + index;
  });
}

/** A 32-bit seed mixed from integers (e.g. run seed, epoch, batch), well spread for seedrandom. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 15;
  }
  return h >>> 0;
}
