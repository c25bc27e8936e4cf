import { RingBuffer } from '../../indicators/RingBuffer';
import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

/** ln(close_t / close_{t-lag}): the scale-free return over `lag` candles. Warm-up lag + 1. */
export function logReturn(lag: number): FeatureDefinition {
  return {
    name: `logReturn${lag}`,
    formula: `ln(close[t] / close[t-${lag}])`,
    create() {
      const closes = new RingBuffer(lag + 1);
      return derivedFeature(lag + 1, (candle) => {
        closes.push(candle.close);
        return closes.isFull ? Math.log(candle.close / closes.at(0)) : null;
      });
    },
  };
}
