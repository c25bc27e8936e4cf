import { DEFAULT_FEATURE_SPEC, SeededRandom, type Dataset } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import type { TrainedModel } from '../training/ModelTrainer';
import type { FoldEnsemble } from './fitFoldEnsemble';
import { modelInsights, subsample } from './modelInsights';
import { permutationImportance } from './permutationImportance';

const F = 4;
const W = 3;
const ROWS = 300;

/** Normalised-looking random rows; the label is the sign of feature 1 on the window's last row. */
function toyDataset(): Dataset {
  const random = new SeededRandom(2);
  const features = Float32Array.from({ length: ROWS * F }, () => random.normal());
  const ends = Int32Array.from({ length: ROWS - W + 1 }, (_, i) => i + W - 1);
  const labels = Int8Array.from(ends, (end) => (features[end * F + 1] > 0 ? 1 : 0));
  const spec = { ...DEFAULT_FEATURE_SPEC, names: ['a', 'b', 'c', 'd'] };
  return { spec, windowLength: W, featureCount: F, features, rows: ROWS, rowTimes: new Float64Array(ROWS), candles: [], ends, labels, filled: 0, gaps: 0 };
}

/** A tree-family stand-in reading one feature of the last row. */
function featureModel(name: string, feature: number): TrainedModel {
  return {
    name,
    family: 'tree',
    predict: async (dataset, samples) => Float32Array.from(samples, (s) => 1 / (1 + Math.exp(-3 * dataset.features[dataset.ends[s] * F + feature]))),
    save: async () => {},
    dispose: () => {},
  };
}

describe('modelInsights', () => {
  const dataset = toyDataset();
  const models = [featureModel('uses-b', 1), featureModel('uses-c', 2)];
  const combine = (p: Record<string, Float32Array>, count: number) => Float32Array.from({ length: count }, (_, i) => (p['uses-b'][i] + p['uses-c'][i]) / 2);
  const ensemble = { chosen: 'average', combine } as unknown as FoldEnsemble;
  const scored = Array.from({ length: 250 }, (_, i) => i + 20);

  it('measures each model and the ensemble on one seeded subsample; the ensemble replay equals predicting again', async () => {
    const insights = await modelInsights(dataset, scored, models, ensemble, { maxSamples: 120, seed: 7 });
    expect(insights.samples).toEqual(subsample(scored, 120, 7));
    expect(insights.samples).toHaveLength(120);
    expect(Object.keys(insights.featureImportance)).toEqual(['uses-b', 'uses-c', 'ensemble']);
    expect(insights.featureImportance['uses-b'].b).toBeGreaterThan(0.3);
    expect(insights.featureImportance['uses-b'].c).toBe(0);
    const direct = await permutationImportance({
      dataset,
      samples: insights.samples,
      seed: 7,
      predict: async (d, s) => combine(Object.fromEntries(await Promise.all(models.map(async (m) => [m.name, await m.predict(d, s)]))), s.length),
    });
    expect(insights.featureImportance.ensemble).toEqual(direct.drop);
    expect(insights.attention).toBeUndefined();
  });
});
