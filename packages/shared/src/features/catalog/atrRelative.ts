import { ATR } from '../../indicators/ATR';
import { derivedFeature, wilderMemory, type FeatureDefinition } from '../FeatureDefinition';

export const atrRelative14: FeatureDefinition = {
  name: 'atrRelative14',
  formula: 'ATR(14, Wilder) / close[t]',
  memory: 1 + wilderMemory(14),
  create() {
    const atr = new ATR(14);
    return derivedFeature(atr.getRequiredInputs(), (candle) => {
      const value = atr.add(candle);
      return value === null ? null : value / candle.close;
    });
  },
};
