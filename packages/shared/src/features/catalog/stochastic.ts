import type { Candle } from '../../candles/Candle';
import { Stochastic, type StochasticResult } from '../../indicators/Stochastic';
import { familyMember, type FeatureFamily } from '../FeatureFamily';
import type { FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

const NAMES = { k: 'stochasticK14', d: 'stochasticD3' } as const;
const PARTS = { k: 0, d: 1 } as const;

/** Writes %K and %D. */
class StochasticKernel extends FeatureKernel {
  private readonly indicator = new Stochastic(14, 3);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.indicator.update(candle);
    if (!this.indicator.isReady) {
      out[offset] = Number.NaN;
      out[offset + 1] = Number.NaN;
      return;
    }
    out[offset] = this.indicator.latest.k;
    out[offset + 1] = this.indicator.latest.d;
  }

  getRequiredInputs(): number {
    return this.indicator.getRequiredInputs();
  }

  protected clear(): void {
    this.indicator.reset();
  }
}

const STOCHASTIC_FAMILY: FeatureFamily = { name: 'Stochastic(14, 3)', width: 2, create: () => new StochasticKernel() };

export function stochastic(line: keyof StochasticResult): FeatureDefinition {
  return {
    name: NAMES[line],
    formula: `Stochastic(14, 3).${line}, 0..100; %K = 50 when the 14-candle range is 0`,
    ...familyMember(STOCHASTIC_FAMILY, PARTS[line]),
  };
}
