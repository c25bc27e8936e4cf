import { CandlecastError } from '../../errors/CandlecastError';
import { logit, sigmoid } from './logit';

/**
 * A monotone map from a model's p(BUY) to a calibrated p(BUY), fitted on validation data:
 * - `identity`: unchanged;
 * - `platt`: sigmoid(slope * logit(p) + intercept);
 * - `temperature`: sigmoid(logit(p) / temperature) (T > 1 softens overconfident models);
 * - `isotonic`: piecewise-linear through breakpoints (x ascending, y non-decreasing), flat beyond
 *   the first and last breakpoint.
 */
export type Calibration =
  | { method: 'identity' }
  | { method: 'platt'; slope: number; intercept: number }
  | { method: 'temperature'; temperature: number }
  | { method: 'isotonic'; x: number[]; y: number[] };

export type CalibrationMethod = Calibration['method'];

/** Calibrated p(BUY) for one raw p(BUY). */
export function applyCalibration(calibration: Calibration, p: number): number {
  switch (calibration.method) {
    case 'identity':
      return p;
    case 'platt':
      return sigmoid(calibration.slope * logit(p) + calibration.intercept);
    case 'temperature':
      return sigmoid(logit(p) / calibration.temperature);
    case 'isotonic':
      return interpolate(calibration.x, calibration.y, p);
  }
}

/** Calibrated p(BUY) for many, as float32 (`out` may be passed in to reuse it). */
export function calibrateProbabilities(calibration: Calibration, pBuy: ArrayLike<number>, out = new Float32Array(pBuy.length)): Float32Array {
  for (let i = 0; i < pBuy.length; i++) out[i] = applyCalibration(calibration, pBuy[i]);
  return out;
}

function interpolate(x: readonly number[], y: readonly number[], p: number): number {
  if (p <= x[0]) return y[0];
  const last = x.length - 1;
  if (p >= x[last]) return y[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= p) lo = mid;
    else hi = mid;
  }
  const t = (p - x[lo]) / (x[hi] - x[lo]);
  return y[lo] + t * (y[hi] - y[lo]);
}

/** Checks a calibration read from an artifact; the error names the bad field and value. */
export function checkCalibration(calibration: Calibration): Calibration {
  const fail = (what: string) => new CandlecastError('invalid_calibration', `calibration ${JSON.stringify(calibration).slice(0, 200)}: ${what}`);
  switch (calibration?.method) {
    case 'identity':
      return calibration;
    case 'platt':
      if (!Number.isFinite(calibration.slope) || !Number.isFinite(calibration.intercept)) throw fail('slope and intercept must be finite');
      return calibration;
    case 'temperature':
      if (!(calibration.temperature > 0 && Number.isFinite(calibration.temperature))) throw fail('temperature must be a positive number');
      return calibration;
    case 'isotonic': {
      const { x, y } = calibration;
      if (!Array.isArray(x) || !Array.isArray(y) || x.length === 0 || x.length !== y.length) throw fail('x and y must be non-empty arrays of equal length');
      for (let i = 0; i < x.length; i++) {
        if (!(y[i] >= 0 && y[i] <= 1) || !Number.isFinite(x[i])) throw fail(`breakpoint ${i} (${x[i]}, ${y[i]}) is out of range`);
        if (i > 0 && !(x[i] > x[i - 1] && y[i] >= y[i - 1])) throw fail(`breakpoint ${i} breaks ascending x / non-decreasing y`);
      }
      return calibration;
    }
    default:
      throw fail('unknown method; expected identity, platt, temperature or isotonic');
  }
}
