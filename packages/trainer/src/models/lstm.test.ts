import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { plantedSignalRun } from '../training/testFixtures';
import { buildLstm } from './lstm';
import { DEFAULT_MODEL_CONFIG } from './ModelConfig';

describe('lstm', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('builds the reference architecture: [60, 20] -> LSTM 128 -> dropout -> LSTM 64 -> dropout -> dense 32 relu -> dense 2 softmax', () => {
    const model = buildLstm({ config: DEFAULT_MODEL_CONFIG, featureCount: 20, seed: 1 });
    expect(model.inputs[0].shape).toEqual([null, 60, 20]);
    expect(model.layers.map((l) => l.getClassName())).toEqual(['InputLayer', 'LSTM', 'Dropout', 'LSTM', 'Dropout', 'Dense', 'Dense']);
    expect(model.getWeights().map((w) => w.shape)).toEqual([[20, 512], [128, 512], [512], [128, 256], [64, 256], [256], [64, 32], [32], [32, 2], [2]]);
    const lstm = model.layers[1].getConfig();
    expect(lstm).toMatchObject({ units: 128, returnSequences: true, recurrentActivation: 'sigmoid', activation: 'tanh' });
    // glorotUniform serialises as VarianceScaling(fanAvg, uniform); not the slow Orthogonal default
    expect(lstm.recurrentInitializer).toMatchObject({ className: 'VarianceScaling', config: { mode: 'fanAvg', distribution: 'uniform' } });
    expect(model.layers[3].getConfig()).toMatchObject({ units: 64, returnSequences: false });
    expect(model.layers[2].getConfig()).toMatchObject({ rate: 0.2 });
    expect(model.layers[5].getConfig()).toMatchObject({ units: 32, activation: 'relu' });
    expect(model.layers[6].getConfig()).toMatchObject({ units: 2, activation: 'softmax' });
    // forget-gate bias (columns 128..255) starts at 1, the other gates at 0
    const bias = model.layers[1].getWeights()[2].dataSync();
    expect([bias[0], bias[128], bias[255], bias[256]]).toEqual([0, 1, 1, 0]);
    model.dispose();
  });

  it('learns a planted signal clearly above 50% on held-out data and leaks no tensors', async () => {
    const run = await plantedSignalRun('lstm');
    expect(run.accuracy).toBeGreaterThan(0.6);
    expect(run.leaked).toBe(0);
  });
});
