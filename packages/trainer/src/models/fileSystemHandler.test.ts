import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { TINY_MODEL } from '../training/testFixtures';
import { loadLayersModel, saveLayersModel } from './fileSystemHandler';
import { MODEL_BUILDERS } from './index';
import { randomValues } from './layers/referenceMath';
import { DEFAULT_MODEL_CONFIG } from './ModelConfig';

const dir = mkdtempSync(join(tmpdir(), 'candlecast-fs-'));
const config = { ...DEFAULT_MODEL_CONFIG, ...TINY_MODEL, minHistory: 25 };

describe('fileSystemHandler', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.keys(MODEL_BUILDERS))('%s: saves model.json + weights.bin and loads a model that predicts identically', async (name) => {
    const model = MODEL_BUILDERS[name]({ config, featureCount: 3, seed: 4 });
    const x = tf.tensor3d(randomValues(2 * 30 * 3, 3, 2), [2, 30, 3]);
    const expected = tf.tidy(() => Array.from((model.predict(x) as tf.Tensor).dataSync()));
    await saveLayersModel(model, join(dir, name));
    expect(readdirSync(join(dir, name)).sort()).toEqual(['model.json', 'weights.bin']);
    const json = JSON.parse(readFileSync(join(dir, name, 'model.json'), 'utf8'));
    expect(json.weightsManifest[0].paths).toEqual(['./weights.bin']);
    const loaded = await loadLayersModel(join(dir, name));
    const actual = tf.tidy(() => Array.from((loaded.predict(x) as tf.Tensor).dataSync()));
    expect(actual).toEqual(expected);
    tf.dispose(x);
    model.dispose();
    loaded.dispose();
  });

  it('says which file is missing', async () => {
    await expect(loadLayersModel(join(dir, 'absent'))).rejects.toThrow(/cannot read .*absent\/model\.json/);
  });
});
