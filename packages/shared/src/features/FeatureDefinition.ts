import type { Candle } from '../candles/Candle';
import type { StreamingIndicator } from '../indicators/StreamingIndicator';

/**
 * One model input computed from candles. `formula` is the documentation and part of the
 * FeatureSpec hash: change the math, change the formula text, and every artifact trained on the old
 * definition stops matching. Each `create()` returns a fresh, causal streaming indicator; its
 * `getRequiredInputs()` is the feature's warm-up in candles.
 */
export interface FeatureDefinition {
  name: string;
  formula: string;
  create(): StreamingIndicator<Candle>;
}

/** Wraps a candle -> number function with a fixed warm-up as a streaming feature. */
export function derivedFeature(requiredInputs: number, compute: (candle: Candle) => number | null): StreamingIndicator<Candle> {
  let result: number | null = null;
  let count = 0;
  return {
    add(candle) {
      const value = compute(candle);
      count++;
      result = count >= requiredInputs ? value : null;
      return result;
    },
    getResult: () => result,
    getRequiredInputs: () => requiredInputs,
  };
}
