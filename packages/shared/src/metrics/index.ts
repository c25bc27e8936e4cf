export { checkScored } from './checkScored';
export { accuracy } from './accuracy';
export { brierScore } from './brierScore';
export { reliabilityBins, type ReliabilityBin } from './reliabilityBins';
export { expectedCalibrationError } from './expectedCalibrationError';
