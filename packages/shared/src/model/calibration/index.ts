export { logit, sigmoid, PROBABILITY_EPSILON } from './logit';
export { applyCalibration, calibrateProbabilities, checkCalibration, type Calibration, type CalibrationMethod } from './Calibration';
export { toSignal, type AbstainBand, type Signal } from './toSignal';
