import { MACD, type MACDResult } from '../../indicators/MACD';
import { derivedFeature, emaMemory, type FeatureDefinition } from '../FeatureDefinition';

const NAMES = { macd: 'macdLine', signal: 'macdSignal', histogram: 'macdHistogram' } as const;

/** One MACD(12, 26, 9) output divided by the close, so it reads as a fraction of price. */
export function macd(part: keyof MACDResult): FeatureDefinition {
  return {
    name: NAMES[part],
    formula: `MACD(12,26,9).${part} / close[t]`,
    // The signal line smooths the MACD line, which smooths prices: the memories add up.
    memory: emaMemory(26) + (part === 'macd' ? 0 : emaMemory(9)),
    create() {
      const indicator = new MACD(12, 26, 9);
      return derivedFeature(indicator.getRequiredInputs(), (candle) => {
        const result = indicator.add(candle.close);
        return result === null ? null : result[part] / candle.close;
      });
    },
  };
}
