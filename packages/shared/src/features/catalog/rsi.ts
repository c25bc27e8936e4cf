import { RSI } from '../../indicators/RSI';
import { derivedFeature, wilderMemory, type FeatureDefinition } from '../FeatureDefinition';

export function rsi(interval: number): FeatureDefinition {
  return {
    name: `rsi${interval}`,
    formula: `RSI(${interval}) of close, Wilder smoothing, 0..100`,
    memory: 1 + wilderMemory(interval),
    create() {
      const indicator = new RSI(interval);
      return derivedFeature(indicator.getRequiredInputs(), (candle) => indicator.add(candle.close));
    },
  };
}
