import { EMA } from '../../indicators/EMA';
import { SMA } from '../../indicators/SMA';
import { derivedFeature, emaMemory, type FeatureDefinition } from '../FeatureDefinition';

export const emaDistance20: FeatureDefinition = {
  name: 'emaDistance20',
  formula: 'close[t] / EMA20(close) - 1',
  memory: emaMemory(20),
  create() {
    const ema = new EMA(20);
    return derivedFeature(ema.getRequiredInputs(), (candle) => {
      const value = ema.add(candle.close);
      return value === null ? null : candle.close / value - 1;
    });
  },
};

export const smaDistance50: FeatureDefinition = {
  name: 'smaDistance50',
  formula: 'close[t] / SMA50(close) - 1',
  create() {
    const sma = new SMA(50);
    return derivedFeature(sma.getRequiredInputs(), (candle) => {
      const value = sma.add(candle.close);
      return value === null ? null : candle.close / value - 1;
    });
  },
};
