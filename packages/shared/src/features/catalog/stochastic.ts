import { Stochastic, type StochasticResult } from '../../indicators/Stochastic';
import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

const NAMES = { k: 'stochasticK14', d: 'stochasticD3' } as const;

export function stochastic(line: keyof StochasticResult): FeatureDefinition {
  return {
    name: NAMES[line],
    formula: `Stochastic(14, 3).${line}, 0..100; %K = 50 when the 14-candle range is 0`,
    create() {
      const indicator = new Stochastic(14, 3);
      return derivedFeature(indicator.getRequiredInputs(), (candle) => indicator.add(candle)?.[line] ?? null);
    },
  };
}
