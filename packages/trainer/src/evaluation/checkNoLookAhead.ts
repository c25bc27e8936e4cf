import { CandlecastError, resolveFeatures, type Candle, type FeatureDefinition, type FeatureSpec } from '@candlecast/shared';
import { featureValues, type CandleFeature } from './CandleFeature';

/** A value at or before the cut that changed when only candles after the cut changed. */
export interface LookAheadViolation {
  /** Index of the last candle kept unchanged. */
  cut: number;
  /** Row whose value changed (<= cut). */
  row: number;
  /** `appended`: computed on candles[0..cut] vs on the longer series; `altered`: the candles after the cut were changed. */
  scenario: 'appended' | 'altered';
  before: number;
  after: number;
}

export interface LookAheadResult {
  feature: string;
  /** True when no value at or before any cut depended on later candles. */
  passed: boolean;
  /** The first violations found (at most 10). */
  violations: LookAheadViolation[];
}

/**
 * The no-look-ahead contract, checked by experiment: for each cut k, the feature's values on
 * candles[0..k] must equal its values at rows 0..k when (a) the later candles are appended and
 * (b) those later candles are altered (prices scaled by a few percent, volume multiplied). A
 * value that differs, NaN versus a number included, means the feature at t looks past t.
 * Default cuts: 40%, 60% and the second-to-last candle.
 */
export function checkNoLookAhead(
  feature: FeatureDefinition | CandleFeature,
  candles: readonly Candle[],
  cuts: readonly number[] = defaultCuts(candles.length),
): LookAheadResult {
  if (candles.length < 3) throw new CandlecastError('not_enough_candles', `the look-ahead check needs at least 3 candles, got ${candles.length}`);
  const violations: LookAheadViolation[] = [];
  const full = featureValues(feature, candles);
  for (const cut of cuts) {
    if (!Number.isInteger(cut) || cut < 0 || cut >= candles.length - 1) {
      throw new CandlecastError('invalid_cut', `cut must be an integer in [0, ${candles.length - 2}], got ${cut}`);
    }
    const prefix = featureValues(feature, candles.slice(0, cut + 1));
    const altered = featureValues(feature, alterAfter(candles, cut));
    for (let row = 0; row <= cut && violations.length < 10; row++) {
      if (!same(prefix[row], full[row])) violations.push({ cut, row, scenario: 'appended', before: prefix[row], after: full[row] });
      if (!same(prefix[row], altered[row])) violations.push({ cut, row, scenario: 'altered', before: prefix[row], after: altered[row] });
    }
  }
  return { feature: feature.name, passed: violations.length === 0, violations };
}

/** checkNoLookAhead for every feature of a spec; all must pass before a model is trusted. */
export function checkSpecNoLookAhead(spec: FeatureSpec, candles: readonly Candle[]): LookAheadResult[] {
  return resolveFeatures(spec.names).map((definition) => checkNoLookAhead(definition, candles));
}

function defaultCuts(n: number): number[] {
  return [...new Set([Math.floor(n * 0.4), Math.floor(n * 0.6), n - 2])].filter((cut) => cut >= 0 && cut < n - 1);
}

/** A copy whose candles after `cut` are scaled and re-volumed; rows up to `cut` are untouched. */
function alterAfter(candles: readonly Candle[], cut: number): Candle[] {
  const factors = [1.03, 0.96, 1.05, 0.98];
  return candles.map((candle, t) => {
    if (t <= cut) return candle;
    const f = factors[t % factors.length];
    return { time: candle.time, open: candle.open * f, high: candle.high * f, low: candle.low * f, close: candle.close * f, volume: candle.volume * 3 + 1 };
  });
}

function same(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
