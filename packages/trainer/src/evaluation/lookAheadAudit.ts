import type { Candle, FeatureSpec } from '@candlecast/shared';
import { checkNoLookAhead, checkSpecNoLookAhead } from './checkNoLookAhead';
import { leakedNextReturnFeature } from './leakedNextReturnFeature';

/** Candles the look-ahead check replays; the contract is per candle, so more adds time, not power. */
const AUDIT_CANDLES = 5000;

/**
 * The look-ahead check run both ways on the evaluated candles (the first 5,000): it must flag the
 * planted next-candle return (else the check is blind) and pass every feature of the real spec.
 */
export function lookAheadAudit(candles: readonly Candle[], spec: FeatureSpec): { detectedByLookAheadCheck: boolean; lookAheadFailures: string[]; candles: number } {
  const audited = candles.slice(0, AUDIT_CANDLES);
  return {
    detectedByLookAheadCheck: !checkNoLookAhead(leakedNextReturnFeature, audited).passed,
    lookAheadFailures: checkSpecNoLookAhead(spec, audited)
      .filter((result) => !result.passed)
      .map((result) => result.feature),
    candles: audited.length,
  };
}
