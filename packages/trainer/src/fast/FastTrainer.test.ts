import { afterAll, expect, test } from 'vitest';
import { createFastTrainer, type FastTrainer, type TrainingBatch } from './FastTrainer';
import { FastEngineError } from './FastEngineError';
import { parameterLayout, type RecurrentArchitecture } from './RecurrentArchitecture';
import { MIN_SPLIT_BATCH } from './threads';

const ARCH: RecurrentArchitecture = { cell: 'lstm', maskValue: null, windowLength: 5, featureCount: 3, recurrentUnits: [8, 4], denseUnits: 4, dropout: 0.3 };
const SIZE = MIN_SPLIT_BATCH + 3; // odd, so the two halves differ in size

function pseudoRandom(count: number, seed: number, scale: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * scale;
  });
}

const weights = pseudoRandom(parameterLayout(ARCH).size, 1, 0.8);
const batch: TrainingBatch = {
  size: SIZE,
  windows: pseudoRandom(SIZE * ARCH.windowLength * ARCH.featureCount, 2, 3),
  targets: Float32Array.from({ length: SIZE * 2 }, (_, i) => ((i >> 1) % 3 === 0) === (i % 2 === 1) ? 1 : 0),
  weights: pseudoRandom(SIZE, 3, 1).map((w) => 1 + w),
};

const trainers: FastTrainer[] = [];
const make = (threads: 1 | 2) => {
  const trainer = createFastTrainer({ architecture: ARCH, weights, threads, batchSize: SIZE });
  trainers.push(trainer);
  return trainer;
};
afterAll(() => trainers.forEach((t) => t.dispose()));

test('two threads (half the batch on a worker) train the same weights as one', () => {
  const one = make(1);
  const two = make(2);
  expect(two.threads).toBe(2);
  expect(two.description).toMatch(/2 threads$/);
  for (let step = 0; step < 3; step++) {
    const seeds = [10 * step, 10 * step + 1];
    const a = one.trainBatch(batch, seeds);
    const b = two.trainBatch(batch, seeds);
    expect(b.loss).toBeCloseTo(a.loss, 6);
    expect(b.correct).toBe(a.correct);
  }
  const wa = one.getFlatWeights();
  const wb = two.getFlatWeights();
  let worst = 0;
  for (let i = 0; i < wa.length; i++) worst = Math.max(worst, Math.abs(wa[i] - wb[i]));
  expect(worst).toBeLessThan(1e-5);
  expect(Math.max(...wa.map((w, i) => Math.abs(w - weights[i])))).toBeGreaterThan(1e-3);
  // new weights reach the worker: both continue identically after setWeights
  one.setWeights(weights);
  two.setWeights(one.getWeights());
  expect(two.computeGradients(batch, { dropout: false }).loss).toBeCloseTo(one.computeGradients(batch, { dropout: false }).loss, 6);
});

test('batches larger than the sized capacity grow the buffers (both threads)', () => {
  const two = make(2);
  const doubled: TrainingBatch = {
    size: 2 * SIZE,
    windows: Float32Array.from([...batch.windows, ...batch.windows]),
    targets: Float32Array.from([...batch.targets, ...batch.targets]),
    weights: Float32Array.from([...batch.weights, ...batch.weights]),
  };
  const single = two.computeGradients(batch, { dropout: false });
  const double = two.computeGradients(doubled, { dropout: false });
  expect(double.loss).toBeCloseTo(single.loss, 6);
  expect(double.correct).toBe(2 * single.correct);
  double.gradients.forEach((g, i) => expect(Math.abs(g - single.gradients[i])).toBeLessThan(1e-6));
});

test('bad inputs are typed errors naming the value', () => {
  const one = make(1);
  expect(() => one.trainBatch({ ...batch, weights: new Float32Array(2) })).toThrow(/weights must have 19 values, got 2/);
  expect(() => one.trainBatch(batch, [1])).toThrow(FastEngineError);
  expect(() => one.setWeights(new Float32Array(3))).toThrow(/parameter vector must have \d+ values, got 3/);
  expect(() => createFastTrainer({ architecture: { ...ARCH, recurrentUnits: [] }, weights })).toThrow(/recurrentUnits/);
  expect(() => createFastTrainer({ architecture: ARCH, weights, threads: 3 as 2 })).toThrow(/threads must be 1, 2 or auto, got 3/);
});
