import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { buildGru } from '../models/gru';
import { resolveDeepConfig } from './DeepConfig';
import { fitDeepModel } from './fitDeepModel';
import { predictProbabilities } from './predictProbabilities';
import { plantedData, TINY_MODEL, trainingData } from './testFixtures';

const dir = mkdtempSync(join(tmpdir(), 'candlecast-resume-'));
const data = plantedData(800);
const config = resolveDeepConfig({ model: { ...TINY_MODEL, recurrentUnits: [4], denseUnits: 4 }, training: { epochs: 3, batchSize: 32, learningRate: 0.01, patience: 10, samplesPerEpoch: 192 } });
const fit = (workDir: string, resume: boolean, interruptAtEpoch?: number) =>
  fitDeepModel({
    name: 'gru',
    build: buildGru,
    data: trainingData(data),
    config,
    workDir,
    resume,
    progress: (event) => {
      if (event.epoch === interruptAtEpoch && event.metrics?.batch === 2) throw new Error('interrupted');
    },
  });

describe('checkpoints and resume', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('continues an interrupted run from its last checkpoint and ends where an uninterrupted run ends', async () => {
    const straight = await fit(join(dir, 'straight'), false);
    const expected = predictProbabilities(straight.model, data.dataset, data.test);
    straight.model.dispose();

    const workDir = join(dir, 'interrupted');
    const before = tf.memory().numTensors;
    await expect(fit(workDir, false, 3)).rejects.toThrow('interrupted');
    expect(tf.memory().numTensors).toBe(before);
    expect(JSON.parse(readFileSync(join(workDir, 'checkpoints', 'last', 'state.json'), 'utf8'))).toMatchObject({ model: 'gru', epoch: 2 });
    expect(existsSync(join(workDir, 'checkpoints', 'best', 'model.json'))).toBe(true);

    const resumed = await fit(workDir, true);
    expect(resumed.resumedFrom).toBe(2);
    expect(resumed.history.map((r) => r.epoch)).toEqual([1, 2, 3]);
    const lines = readFileSync(join(workDir, 'training.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(resumed.history.map((r) => r.loss)).toEqual([...straight.history.slice(0, 2).map((r) => r.loss), expect.closeTo(straight.history[2].loss, 4)]);
    const actual = predictProbabilities(resumed.model, data.dataset, data.test);
    // Adam's bias-correction powers are recomputed on restore, so only the last bits may differ.
    Array.from(actual).forEach((p, i) => expect(p).toBeCloseTo(expected[i], 4));
    resumed.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses to resume a checkpoint of another configuration', async () => {
    const workDir = join(dir, 'interrupted');
    const other = resolveDeepConfig({ model: { ...TINY_MODEL, recurrentUnits: [5], denseUnits: 4 }, training: { epochs: 4 } });
    await expect(fitDeepModel({ name: 'gru', build: buildGru, data: trainingData(data), config: other, workDir, resume: true })).rejects.toThrow(
      /cannot resume from .*checkpoints\/last: config\.model was/,
    );
  });
});
