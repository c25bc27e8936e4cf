export { fitCalibration, fitIsotonic } from './fitCalibration';
export { calibrationReport, type CalibrationReport } from './calibrationReport';
export { chooseAbstainBand, coveragePrecisionCurve, type AbstainTarget, type CoveragePoint } from './abstainBand';
