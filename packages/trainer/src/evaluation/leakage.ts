/**
 * The leakage canaries the evaluation runs beside every model: shuffled labels, a planted
 * look-ahead feature with the check that must catch it, and the suspicion rule.
 */
export { shuffleLabels } from './shuffleLabels';
export { leakedNextReturnFeature } from './leakedNextReturnFeature';
export { featureValues, type CandleFeature } from './CandleFeature';
export { checkNoLookAhead, checkSpecNoLookAhead, type LookAheadResult, type LookAheadViolation } from './checkNoLookAhead';
export { suspicion, SUSPICIOUS_ACCURACY } from './suspicion';
export { assessLeakage, type LeakageEvidence } from './assessLeakage';
export { appendFeatureColumn } from './appendFeatureColumn';
