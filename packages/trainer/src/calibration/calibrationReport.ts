import { brierScore, calibrateProbabilities, expectedCalibrationError, type Calibration } from '@candlecast/shared';

export interface CalibrationReport {
  method: Calibration['method'];
  brierBefore: number;
  brierAfter: number;
  eceBefore: number;
  eceAfter: number;
}

/** Brier score and ECE (10 bins) of p(BUY) before and after a calibration, on the given samples. */
export function calibrationReport(calibration: Calibration, pBuy: ArrayLike<number>, labels: ArrayLike<number>): CalibrationReport {
  const calibrated = calibrateProbabilities(calibration, pBuy);
  return {
    method: calibration.method,
    brierBefore: brierScore(pBuy, labels),
    brierAfter: brierScore(calibrated, labels),
    eceBefore: expectedCalibrationError(pBuy, labels),
    eceAfter: expectedCalibrationError(calibrated, labels),
  };
}
