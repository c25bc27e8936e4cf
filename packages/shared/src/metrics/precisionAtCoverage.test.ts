import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy';
import { coverageCurve } from './coverageCurve';
import { precisionAtCoverage } from './precisionAtCoverage';

// Ten samples. confidence = |p - 0.5|; call BUY when p > 0.5.
//  i:     0    1    2    3    4    5    6    7    8    9
//  p:    0.9  0.2  0.55 0.6  0.45 0.1  0.7  0.5  0.35 0.8
//  conf: 0.4  0.3  0.05 0.1  0.05 0.4  0.2  0    0.15 0.3
//  call:  B    S    B    B    S    S    B    S    S    B
//  y:     1    0    0    1    1    1    1    0    0    0
//  right: 1    1    0    1    0    0    1    1    1    0
// Ranked by confidence (stable on ties): 0(.4,R) 5(.4,W) 1(.3,R) 9(.3,W) 6(.2,R) 8(.15,R) 3(.1,R) 2(.05,W) 4(.05,W) 7(0,R)
// 10% -> 1 sample: 1/1; 20% -> 2: 1/2; 50% -> 5: R W R W R = 3/5; 100% -> 6/10.
const p = [0.9, 0.2, 0.55, 0.6, 0.45, 0.1, 0.7, 0.5, 0.35, 0.8];
const y = [1, 0, 0, 1, 1, 1, 1, 0, 0, 0];

describe('precisionAtCoverage', () => {
  it('scores the most confident signals first, keyed by coverage', () => {
    expect(precisionAtCoverage(p, y)).toEqual({ '0.1': 1, '0.2': 0.5, '0.5': 0.6, '1': 0.6 });
  });

  it('equals accuracy at full coverage', () => {
    expect(precisionAtCoverage(p, y, [1])['1']).toBe(accuracy(p, y));
  });

  it('rejects a coverage outside (0, 1]', () => {
    expect(() => precisionAtCoverage(p, y, [0])).toThrow(/coverage must be in \(0, 1\], got 0/);
  });
});

describe('coverageCurve', () => {
  it('gives precision and the confidence threshold at evenly spaced coverages', () => {
    // steps 5 -> coverages 0.2, 0.4, 0.6, 0.8, 1 -> 2, 4, 6, 8, 10 samples.
    // correct among first k ranked: k=2: 1, k=4: 2, k=6: 4, k=8: 5, k=10: 6.
    // least confidence taken: k=2: 0.4, k=4: 0.3, k=6: 0.15, k=8: 0.05, k=10: 0.
    const curve = coverageCurve(p, y, 5);
    expect(curve.map((c) => c.coverage)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(curve.map((c) => c.precision)).toEqual([0.5, 0.5, 4 / 6, 5 / 8, 0.6]);
    expect(curve.map((c) => c.minConfidence)).toEqual([0.4, 0.3, 0.15, 0.05, 0]);
  });
});
