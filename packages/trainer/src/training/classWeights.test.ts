import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/selectBackend';
import { buildLstm } from '../models/lstm';
import { classWeights } from './classWeights';
import { resolveDeepConfig } from './DeepConfig';
import { fitDeepModel } from './fitDeepModel';
import { predictProbabilities } from './predictProbabilities';
import { plantedData, TINY_MODEL } from './testFixtures';

describe('classWeights', () => {
  const labels = [0, 0, 0, 1, 1, 0, 0, 0];

  it('weighs classes by n / (2 n_class) so each class carries half the total weight', () => {
    const [sell, buy] = classWeights(labels, [0, 1, 2, 3], 'balanced');
    expect(sell).toBeCloseTo(4 / 6, 12);
    expect(buy).toBe(2);
    expect(3 * sell + 1 * buy).toBeCloseTo(4, 12);
  });

  it('passes explicit weights through, gives 1 to both without weighting or with a class absent', () => {
    expect(classWeights(labels, [0, 1], 'none')).toEqual([1, 1]);
    expect(classWeights(labels, [0, 1], [1, 3])).toEqual([1, 3]);
    expect(classWeights(labels, [0, 1], 'balanced')).toEqual([1, 1]);
  });

  it('moves predictions of a model trained on imbalanced labels toward the minority class', async () => {
    await selectBackend('cpu');
    const data = plantedData(900);
    // Keep every SELL but only a quarter of the BUY training samples: about 80% SELL.
    const train = data.train.filter((i) => data.dataset.labels[i] === 0 || i % 4 === 0);
    const meanPBuy = async (classWeight: unknown) => {
      const config = resolveDeepConfig({ model: { ...TINY_MODEL, recurrentUnits: [4], denseUnits: 4 }, training: { epochs: 2, batchSize: 32, learningRate: 0.01, classWeight } });
      const result = await fitDeepModel({ name: 'lstm', build: buildLstm, data: { dataset: data.dataset, train, validation: data.validation, seed: 1 }, config });
      const pBuy = predictProbabilities(result.model, data.dataset, data.validation);
      result.model.dispose();
      return pBuy.reduce((a, b) => a + b, 0) / pBuy.length;
    };
    const unweighted = await meanPBuy('none');
    const balanced = await meanPBuy('balanced');
    expect(unweighted).toBeLessThan(0.45);
    expect(balanced).toBeGreaterThan(unweighted + 0.05);
  });
});
