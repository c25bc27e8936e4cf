import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset, chronologicalSplit, DEFAULT_FEATURE_SPEC, fitNormalisation, generateCandles, normaliseRows, rowsCoveredBy } from '@candlecast/shared';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrainingData } from '../training/ModelTrainer';
import { gradientBoostingTrainer } from './gradientBoostingTrainer';
import { randomForestTrainer } from './randomForestTrainer';
import { loadTreeModel, TREE_MODEL_FILE } from './TreeModel';

function trainingData(): TrainingData {
  const dataset = buildDataset(generateCandles({ count: 3000, seed: 3, bounce: 1.5 }), { spec: DEFAULT_FEATURE_SPEC, windowLength: 40 });
  const split = chronologicalSplit(dataset.ends, { train: 0.6, validation: 0.2, test: 0.2 }, { windowLength: 40 });
  normaliseRows(dataset.features, fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(split.train.map((i) => dataset.ends[i]), 40)));
  return { dataset, train: split.train, validation: split.validation, seed: 7 };
}

describe('tree ModelTrainers', () => {
  const data = trainingData();
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it.each([
    ['rf', randomForestTrainer, { trees: 15 }],
    ['gbdt', gradientBoostingTrainer, { rounds: 40 }],
  ] as const)('%s trains on the planted bounce, saves, and reloads to the same float32 predictions', async (_, trainer, config) => {
    const events: string[] = [];
    const model = await trainer.train(data, config, (event) => events.push(event.model));
    expect(model.name).toBe(trainer.name);
    expect(events.length).toBeGreaterThan(0);
    const p = await model.predict(data.dataset, data.validation);
    let hits = 0;
    data.validation.forEach((sample, i) => (hits += (p[i] > 0.5 ? 1 : 0) === data.dataset.labels[sample] ? 1 : 0));
    // bounce 1.5 plants a strong reverse-the-last-candle signal; a coin scores 0.5.
    expect(hits / p.length).toBeGreaterThan(0.6);

    const dir = await mkdtemp(join(tmpdir(), 'candlecast-trees-'));
    dirs.push(dir);
    await model.save(dir);
    const loaded = await loadTreeModel(dir);
    expect(loaded.name).toBe(trainer.name);
    expect(new Uint32Array((await loaded.predict(data.dataset, data.validation)).buffer)).toEqual(new Uint32Array(p.buffer));
  });

  it('refuses a saved model whose trees were trained on other columns', async () => {
    const model = await randomForestTrainer.train(data, { trees: 2, columns: [{ op: 'last', feature: 'rsi14' }, { op: 'lag', feature: 'rsi14', lag: 1 }] });
    const dir = await mkdtemp(join(tmpdir(), 'candlecast-trees-'));
    dirs.push(dir);
    await model.save(dir);
    const document = JSON.parse(await readFile(join(dir, TREE_MODEL_FILE), 'utf8'));
    document.tabular.columns[1].lag = 2;
    await writeFile(join(dir, TREE_MODEL_FILE), JSON.stringify(document));
    await expect(loadTreeModel(dir)).rejects.toThrow(/names do not follow from the columns/);
  });
});
