import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { plantedSignalRun } from '../training/testFixtures';
import { DEFAULT_MODEL_CONFIG } from './ModelConfig';
import { buildTransformer } from './transformer';

describe('transformer', () => {
  beforeAll(async () => {
    await selectBackend('cpu');
  });

  it('stacks projection, positional encoding, encoder blocks and masked pooling + newest step', () => {
    const model = buildTransformer({ config: { ...DEFAULT_MODEL_CONFIG, minHistory: 30 }, featureCount: 20, seed: 1 });
    expect(model.layers.map((l) => l.getClassName())).toEqual([
      'InputLayer', 'Masking', 'Dense', 'PositionalEncoding', 'Dropout', 'TransformerEncoderBlock', 'TransformerEncoderBlock',
      'MaskedAveragePooling', 'LastStep', 'Concatenate', 'Dropout', 'Dense', 'Dense',
    ]);
    expect(model.countParams()).toBeLessThan(30_000);
    model.dispose();
  });

  it('learns a planted signal clearly above 50% on held-out data and leaks no tensors', async () => {
    const run = await plantedSignalRun('transformer');
    expect(run.accuracy).toBeGreaterThan(0.6);
    expect(run.leaked).toBe(0);
  });
});
