import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { plantedSignalRun } from '../training/testFixtures';
import { buildGru } from './gru';
import { DEFAULT_MODEL_CONFIG } from './ModelConfig';

describe('gru', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('builds the reference stack with GRU cells and sigmoid gates', () => {
    const model = buildGru({ config: DEFAULT_MODEL_CONFIG, featureCount: 20, seed: 1 });
    expect(model.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'GRU', 'Dropout', 'GRU', 'Dropout', 'Dense', 'Dense']);
    expect(model.getWeights().map((w) => w.shape)).toEqual([[20, 384], [128, 384], [384], [128, 192], [64, 192], [192], [64, 32], [32], [32, 2], [2]]);
    expect(model.layers[1].getConfig()).toMatchObject({ units: 128, returnSequences: true, recurrentActivation: 'sigmoid' });
    model.dispose();
  });

  it('learns a planted signal clearly above 50% on held-out data and leaks no tensors', async () => {
    const run = await plantedSignalRun('gru');
    expect(run.accuracy).toBeGreaterThan(0.6);
    expect(run.leaked).toBe(0);
  });
});
