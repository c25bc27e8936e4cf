import { describe, expect, it } from 'vitest';
import { applyCalibration, calibrateProbabilities, checkCalibration } from './Calibration';
import { logit, sigmoid } from './logit';
import { toSignal } from './toSignal';

describe('calibration maps', () => {
  it('applies platt, temperature and isotonic as defined', () => {
    expect(applyCalibration({ method: 'identity' }, 0.7)).toBe(0.7);
    expect(applyCalibration({ method: 'platt', slope: 0.5, intercept: 0.1 }, 0.8)).toBeCloseTo(sigmoid(0.5 * Math.log(4) + 0.1), 12);
    expect(applyCalibration({ method: 'temperature', temperature: 2 }, 0.8)).toBeCloseTo(sigmoid(Math.log(4) / 2), 12);
    const isotonic = { method: 'isotonic' as const, x: [0.2, 0.4, 0.8], y: [0.1, 0.5, 0.6] };
    expect(Array.from(calibrateProbabilities(isotonic, [0, 0.2, 0.3, 0.6, 0.8, 1]))).toEqual([0.1, 0.1, 0.3, 0.55, 0.6, 0.6].map(Math.fround));
  });

  it('keeps logits finite at 0 and 1', () => {
    expect(logit(0)).toBeCloseTo(-16.118, 3);
    expect(logit(1)).toBeCloseTo(16.118, 3);
  });

  it('refuses broken calibrations by field', () => {
    expect(() => checkCalibration({ method: 'temperature', temperature: 0 })).toThrow(/temperature must be a positive number/);
    expect(() => checkCalibration({ method: 'isotonic', x: [0.5, 0.4], y: [0.1, 0.2] })).toThrow(/breakpoint 1/);
    expect(() => checkCalibration({ method: 'magic' } as never)).toThrow(/unknown method/);
  });
});

describe('toSignal', () => {
  it('holds inside the band, edges and 0.5 included', () => {
    // 0.125 and the edges 0.625 / 0.375 are exact in binary, so the edge test is not a rounding test.
    const band = { margin: 0.125 };
    expect([0.63, 0.625, 0.5, 0.375, 0.37].map((p) => toSignal(p, band))).toEqual(['BUY', 'HOLD', 'HOLD', 'HOLD', 'SELL']);
    expect(toSignal(0.5000001, { margin: 0 })).toBe('BUY');
    expect(toSignal(0.5, { margin: 0 })).toBe('HOLD');
    expect(() => toSignal(1.2, band)).toThrow(/got 1.2/);
    expect(() => toSignal(0.7, { margin: 0.6 })).toThrow(/got 0.6/);
  });
});
