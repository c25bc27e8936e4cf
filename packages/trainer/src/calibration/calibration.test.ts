import { calibrateProbabilities, expectedCalibrationError, logit, SeededRandom, sigmoid, toSignal } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { chooseAbstainBand, coveragePrecisionCurve } from './abstainBand';
import { calibrationReport } from './calibrationReport';
import { fitCalibration, fitIsotonic } from './fitCalibration';

/** True odds q ~ U(0.25, 0.75), outcomes drawn from q, and a model that reports sigmoid(3 logit q): overconfident. */
function overconfident(n: number, seed: number) {
  const random = new SeededRandom(seed);
  const labels = new Uint8Array(n);
  const pBuy = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const q = 0.25 + 0.5 * random.next();
    labels[i] = random.next() < q ? 1 : 0;
    pBuy[i] = sigmoid(3 * logit(q));
  }
  return { pBuy, labels };
}

describe('calibration fitting', () => {
  const fit = overconfident(4000, 1);
  const test = overconfident(4000, 2);

  it.each(['platt', 'temperature', 'isotonic'] as const)('%s lowers ECE and Brier of an overconfident model on fresh data', (method) => {
    const calibration = fitCalibration(method, fit.pBuy, fit.labels);
    const report = calibrationReport(calibration, test.pBuy, test.labels);
    expect(report.eceBefore).toBeGreaterThan(0.1);
    expect(report.eceAfter).toBeLessThan(report.eceBefore / 3);
    expect(report.brierAfter).toBeLessThan(report.brierBefore);
  });

  it('recovers the temperature that made the model overconfident', () => {
    const calibration = fitCalibration('temperature', fit.pBuy, fit.labels);
    expect(calibration.method === 'temperature' && calibration.temperature).toBeCloseTo(3, 0);
    const platt = fitCalibration('platt', fit.pBuy, fit.labels);
    expect(platt.method === 'platt' && platt.slope).toBeCloseTo(1 / 3, 1);
  });

  it('pools adjacent violators as by hand', () => {
    // y = 0 1 0 1 at p = .1 .2 .3 .4: the 1 then 0 violate and pool to 0.5.
    expect(fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1])).toEqual({ method: 'isotonic', x: [0.1, 0.2, 0.3, 0.4], y: [0, 0.5, 0.5, 1] });
    // Equal p values are one block from the start.
    expect(fitIsotonic([0.5, 0.5, 0.7], [1, 0, 1])).toEqual({ method: 'isotonic', x: [0.5, 0.7], y: [0.5, 1] });
    const calibrated = calibrateProbabilities(fitIsotonic(fit.pBuy, fit.labels), test.pBuy);
    expect(expectedCalibrationError(calibrated, test.labels)).toBeLessThan(0.05);
  });
});

describe('abstain band', () => {
  // Distances from 0.5: .4 (right), .3 (wrong), .2 (right), .1 (right), .05 (wrong).
  const pBuy = [0.9, 0.8, 0.6, 0.45, 0.3];
  const labels = [1, 0, 1, 1, 0];

  it('traces coverage against precision', () => {
    const curve = coveragePrecisionCurve(pBuy, labels);
    expect(curve.map((p) => p.signals)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(curve.map((p) => p.margin)).toEqual([0, 0.5 - 0.45, 0.6 - 0.5, 0.5 - 0.3, 0.8 - 0.5, 0.9 - 0.5]);
    expect(curve.slice(0, 5).map((p) => p.precision)).toEqual([3 / 5, 3 / 4, 2 / 3, 1 / 2, 1]);
  });

  it('chooses the narrowest band that reaches a target precision, or the widest that keeps a coverage', () => {
    const precise = chooseAbstainBand(pBuy, labels, { kind: 'precision', value: 0.7 }, 1);
    expect(precise).toMatchObject({ margin: 0.5 - 0.45, coverage: 0.8, precision: 0.75 });
    const covering = chooseAbstainBand(pBuy, labels, { kind: 'coverage', value: 0.6 });
    expect(covering).toMatchObject({ margin: 0.6 - 0.5, coverage: 0.6 });
    // The served signals agree with the curve: 3 of 5 samples signalled at that band.
    expect(pBuy.filter((p) => toSignal(p, covering) !== 'HOLD')).toHaveLength(3);
  });

  it('returns the most precise band when a precision target is out of reach', () => {
    const band = chooseAbstainBand(pBuy, labels, { kind: 'precision', value: 0.99 }, 2);
    expect(band).toMatchObject({ precision: 0.75, coverage: 0.8 });
  });
});
