import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { plantedSignalRun } from '../training/testFixtures';
import { buildLstmAttention } from './lstmAttention';
import { DEFAULT_MODEL_CONFIG } from './ModelConfig';

describe('lstm-attention', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('pools the LSTM sequence with attention, concatenated with the newest step', () => {
    const model = buildLstmAttention({ config: DEFAULT_MODEL_CONFIG, featureCount: 20, seed: 1 });
    expect(model.layers.map((l) => l.getClassName())).toEqual([
      'InputLayer', 'LSTM', 'Dropout', 'LSTM', 'Dropout', 'TemporalAttention', 'LastStep', 'Concatenate', 'Dense', 'Dense',
    ]);
    expect(model.layers[3].getConfig()).toMatchObject({ returnSequences: true });
    expect(model.getLayer('pooled').outputShape).toEqual([null, 128]);
    model.dispose();
  });

  it('learns a planted signal clearly above 50% on held-out data and leaks no tensors', async () => {
    const run = await plantedSignalRun('lstm-attention');
    expect(run.accuracy).toBeGreaterThan(0.6);
    expect(run.leaked).toBe(0);
  });
});
