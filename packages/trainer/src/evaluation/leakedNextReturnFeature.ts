import type { CandleFeature } from './CandleFeature';

/**
 * The leakage canary: the next candle's gross return close[t + 1] / close[t], i.e. the label
 * itself. A model fed this column must score near 100% (the pipeline can learn a real signal), and
 * checkNoLookAhead must flag it (the check can see a peek). Never part of a FeatureSpec.
 */
export const leakedNextReturnFeature: CandleFeature = {
  name: 'leakedNextReturn',
  formula: 'close[t+1] / close[t]  (LOOK-AHEAD: uses the next candle)',
  compute(candles) {
    const values = new Float64Array(candles.length).fill(Number.NaN);
    for (let t = 0; t + 1 < candles.length; t++) values[t] = candles[t + 1].close / candles[t].close;
    return values;
  },
};
