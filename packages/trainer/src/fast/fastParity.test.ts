import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildGru } from '../models/gru';
import { buildLstm } from '../models/lstm';
import { buildLstmAttention } from '../models/lstmAttention';
import { MASK_VALUE, truncateHistory } from '../models/historyPadding';
import type { BuildOptions } from '../models/modelParts';
import { DEFAULT_MODEL_CONFIG, type ModelConfig } from '../models/ModelConfig';
import { seedDropoutLayers } from '../training/dropoutSeeds';
import { trainStep } from '../training/trainStep';
import { createFastTrainer, type TrainingBatch } from './FastTrainer';
import { FastEngineError } from './FastEngineError';
import type { RecurrentCell } from './RecurrentArchitecture';
import { dropoutLayerIndices, recurrentArchitectureOf, readModelWeights } from './tfjsInterop';

/*
 * The fast engine against tfjs (cpu backend) on small models built by src/models/lstm.ts and
 * gru.ts, with and without masking (left-padded short histories), same weights and batch. Widths 8 and 6 run both the 4-wide SIMD body and the scalar tails.
 *
 * Gradient tolerance: 1e-4 of the largest gradient of each tensor. Both sides compute in float32
 * but sum in different orders (tfjs per step and per op, the engine in fused products over all
 * steps), which moves results by a few float32 ulps of the summed magnitudes: measured ~1e-6
 * relative here. A wrong gate, transposition, time offset or mask moves them by O(1).
 */
const CONFIG: ModelConfig = { ...DEFAULT_MODEL_CONFIG, windowLength: 6, minHistory: 6, recurrentUnits: [8, 6], denseUnits: 5, dropout: 0.25 };
const F = 4;
const N = 7;

const BUILDERS: Record<RecurrentCell, (options: BuildOptions) => tf.LayersModel> = { lstm: buildLstm, gru: buildGru };
/** The full-window batch, and a copy where three windows hold shorter, left-padded histories. */
let fullBatch: TrainingBatch;
let paddedBatch: TrainingBatch;

beforeAll(async () => {
  await tf.setBackend('cpu');
  let s = 17;
  const windows = Float32Array.from({ length: N * CONFIG.windowLength * F }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32 - 0.5) * 4;
  });
  const targets = new Float32Array(N * 2);
  for (let b = 0; b < N; b++) targets[b * 2 + (b % 3 === 0 ? 1 : 0)] = 1;
  fullBatch = { size: N, windows, targets, weights: Float32Array.from({ length: N }, (_, b) => 0.6 + 0.2 * (b % 4)) };
  const padded = windows.slice();
  [[1, 3], [2, 5], [4, 4]].forEach(([sample, history]) => truncateHistory(padded, sample, CONFIG.windowLength, F, history));
  paddedBatch = { ...fullBatch, windows: padded };
});

/** Loss and gradients of the tfjs model, as trainStep computes them (dropout on when `training`). */
function tfjsGradients(model: tf.LayersModel, batch: TrainingBatch, training: boolean): { loss: number; grads: Float32Array[] } {
  return tf.tidy(() => {
    const x = tf.tensor3d(batch.windows, [N, CONFIG.windowLength, F]);
    const y = tf.tensor2d(batch.targets, [N, 2]);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => {
      const p = model.apply(x, { training }) as tf.Tensor2D;
      const perSample = tf.neg(tf.sum(tf.mul(y, tf.log(tf.clipByValue(p, 1e-7, 1 - 1e-7))), 1));
      return tf.mean(tf.mul(perSample, tf.tensor1d(batch.weights))) as tf.Scalar;
    }, variables);
    return { loss: value.dataSync()[0], grads: variables.map((v) => grads[v.name].dataSync() as Float32Array) };
  });
}

function expectGradientsClose(actual: Float32Array, expected: Float32Array[], layoutSlots: { offset: number; size: number; name: string }[]): void {
  layoutSlots.forEach((slot, i) => {
    const ref = expected[i];
    const scale = ref.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(scale, slot.name).toBeGreaterThan(0);
    let worst = 0;
    for (let j = 0; j < slot.size; j++) worst = Math.max(worst, Math.abs(actual[slot.offset + j] - ref[j]));
    expect(worst / scale, slot.name).toBeLessThan(1e-4);
  });
}

test('refuses architectures it does not implement, with a typed error', () => {
  const attention = buildLstmAttention({ config: CONFIG, featureCount: F, seed: 1 });
  expect(() => recurrentArchitectureOf(attention)).toThrow(FastEngineError);
  attention.dispose();
});

describe.each([
  ['lstm', false],
  ['gru', false],
  ['lstm', true],
  ['gru', true],
] as const)('%s, masked %s', (cell, masked) => {
  const config = masked ? { ...CONFIG, minHistory: 3 } : CONFIG;
  let model: tf.LayersModel;
  let batch: TrainingBatch;
  beforeAll(() => {
    model = BUILDERS[cell]({ config, featureCount: F, seed: 11 });
    batch = masked ? paddedBatch : fullBatch;
  });
  afterAll(() => model.dispose());

  test('reads the architecture of the reference builder', () => {
    expect(recurrentArchitectureOf(model)).toEqual({ cell, maskValue: masked ? MASK_VALUE : null, windowLength: 6, featureCount: F, recurrentUnits: [8, 6], denseUnits: 5, dropout: 0.25 });
  });

  test('reading weights leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    readModelWeights(model, recurrentArchitectureOf(model));
    expect(tf.memory().numTensors).toBe(before);
  });

  describe.each(['wasm-simd', 'js'] as const)('%s kernels', (kernels) => {
    const trainer = () => {
      const architecture = recurrentArchitectureOf(model);
      return createFastTrainer({ architecture, weights: readModelWeights(model, architecture), threads: 1, kernels, batchSize: N });
    };

    test('predicts what the tfjs model predicts (within 1e-5)', () => {
      const expected = tf.tidy(() => (model.predict(tf.tensor3d(batch.windows, [N, CONFIG.windowLength, F])) as tf.Tensor).dataSync());
      const actual = trainer().predict(batch.windows, N);
      expect(actual.length).toBe(N * 2);
      for (let i = 0; i < actual.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThan(1e-5);
    });

    test('computes the gradients tfjs computes, dropout off', () => {
      const fast = trainer();
      const expected = tfjsGradients(model, batch, false);
      const actual = fast.computeGradients(batch, { dropout: false });
      expect(actual.loss).toBeCloseTo(expected.loss, 6);
      expectGradientsClose(actual.gradients, expected.grads, fast.layout.slots);
    });

    test('with seeded dropout, draws the masks tfjs draws and computes the same gradients', () => {
      const fast = trainer();
      seedDropoutLayers(model, 4242);
      const expected = tfjsGradients(model, batch, true);
      seedDropoutLayers(model, undefined);
      const seeds = dropoutLayerIndices(model).map((index) => 4242 + index);
      const actual = fast.computeGradients(batch, { dropoutSeeds: seeds });
      const withoutDropout = fast.computeGradients(batch, { dropout: false });
      expect(actual.loss).toBeCloseTo(expected.loss, 6);
      expect(actual.loss).not.toBeCloseTo(withoutDropout.loss, 3);
      expectGradientsClose(actual.gradients, expected.grads, fast.layout.slots);
    });

    test("three Adam steps give the weights tfjs's Adam and trainStep give", () => {
      const learningRate = 0.01;
      const fast = trainer();
      fast.learningRate = learningRate;
      const reference = BUILDERS[cell]({ config, featureCount: F, seed: 11 });
      const optimizer = tf.train.adam(learningRate);
      const indices = dropoutLayerIndices(reference);
      for (let step = 0; step < 3; step++) {
        seedDropoutLayers(reference, 100 + step);
        const expected = trainStep(reference, optimizer, batch);
        const actual = fast.trainBatch(batch, indices.map((index) => 100 + step + index));
        expect(actual.loss).toBeCloseTo(expected.loss, 5);
        expect(actual.correct).toBe(expected.correct);
      }
      const expectedWeights = reference.getWeights().map((w) => w.dataSync() as Float32Array);
      const start = readModelWeights(model, recurrentArchitectureOf(model));
      fast.getWeights().forEach((w, i) => {
        const slot = fast.layout.slots[i];
        let worst = 0;
        let total = 0;
        let moved = 0;
        for (let j = 0; j < w.length; j++) {
          const difference = Math.abs(w[j] - expectedWeights[i][j]);
          worst = Math.max(worst, difference);
          total += difference;
          moved = Math.max(moved, Math.abs(w[j] - start[slot.offset + j]));
        }
        // Adam moves each weight by about the learning rate per step whatever the gradient's size,
        // so a wrong sign or size shows as a difference of the order of the learning rate. Where a
        // gradient is as small as epsilon (1e-7), Adam magnifies float32 noise in it (up to 1 / eps),
        // hence the looser bound on the worst weight than on the mean.
        expect(worst, slot.name).toBeLessThan(0.05 * learningRate);
        expect(total / w.length, slot.name).toBeLessThan(1e-4 * learningRate);
        expect(moved, slot.name).toBeGreaterThan(learningRate);
      });
      optimizer.dispose();
      reference.dispose();
    });
  });
});
