import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../random/SeededRandom';
import { combineProbabilities } from './combineProbabilities';
import { DEFAULT_ENSEMBLE_WEIGHTS, type EnsembleConfig } from './EnsembleConfig';
import { EnsembleCombiner } from './EnsembleCombiner';

const configs: EnsembleConfig[] = [
  { method: 'vote', weights: { ...DEFAULT_ENSEMBLE_WEIGHTS } },
  { method: 'average', weights: { lstm: 0.5, rf: 0.5, gbdt: 0 } },
  { method: 'stacking', models: ['rf', 'gbdt'], coefficients: [0.5, 1.5], intercept: -0.1, fallbackWeights: { rf: 1, gbdt: 3, lstm: 2 } },
];

describe('EnsembleCombiner', () => {
  it.each(configs.map((c) => [c.method, c] as const))('combines exactly as combineProbabilities (%s), for every pattern of missing members', (_method, config) => {
    const combiner = new EnsembleCombiner(config);
    const random = new SeededRandom(3);
    for (let trial = 0; trial < 300; trial++) {
      const p = () => (random.next() < 0.2 ? (random.next() < 0.5 ? null : Number.NaN) : random.next());
      const predictions = { lstm: p(), rf: p(), gbdt: p() };
      let expected: ReturnType<typeof combineProbabilities> | Error;
      try {
        expected = combineProbabilities(config, predictions);
      } catch (error) {
        expected = error as Error;
      }
      if (expected instanceof Error) {
        expect(() => combiner.combine(predictions)).toThrow(expected.message);
        continue;
      }
      const got = combiner.combine(predictions);
      expect(got.pBuy).toBe(expected.pBuy);
      expect({ method: got.method, used: [...got.used], missing: [...got.missing] }).toEqual({ method: expected.method, used: expected.used, missing: expected.missing });
    }
  });

  it('reuses its result object (the hot path allocates nothing)', () => {
    const combiner = new EnsembleCombiner(configs[0]);
    expect(combiner.combine({ lstm: 0.6, rf: 0.4, gbdt: 0.7 })).toBe(combiner.combine({ lstm: 0.1, rf: 0.2, gbdt: 0.3 }));
  });
});
