import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { loadDeepModel, type DeepTrainedModel } from './DeepTrainedModel';
import { plantedData, TINY_MODEL, trainingData } from './testFixtures';
import { TRAINERS } from './trainers';

const dir = mkdtempSync(join(tmpdir(), 'candlecast-save-'));

describe('DeepTrainedModel', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['lstm-attention', 'transformer'])('%s: save then load gives identical predictions and every model-folder file', async (name) => {
    const data = plantedData(700);
    const before = tf.memory().numTensors;
    const trained = (await TRAINERS[name].train(trainingData(data), { config: { model: { ...TINY_MODEL, minHistory: 20 }, training: { epochs: 2, samplesPerEpoch: 64 } } })) as DeepTrainedModel;
    const expected = await trained.predict(data.dataset, data.test);
    await trained.save(join(dir, name));
    expect(readdirSync(join(dir, name)).sort()).toEqual(['config.json', 'history.json', 'metrics.json', 'model.json', 'training.jsonl', 'weights.bin']);
    const metrics = JSON.parse(readFileSync(join(dir, name, 'metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({ model: name, backend: 'cpu', epochsRun: 2, stoppedBy: 'epochs', trainSamples: data.train.length });
    expect(metrics.validation.samples).toBe(data.validation.length);
    expect(readFileSync(join(dir, name, 'training.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);

    const loaded = await loadDeepModel(join(dir, name));
    expect(loaded.name).toBe(name);
    expect(loaded.config.model.minHistory).toBe(20);
    expect(Array.from(await loaded.predict(data.dataset, data.test))).toEqual(Array.from(expected));
    trained.dispose();
    trained.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
