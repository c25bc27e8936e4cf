import { describe, expect, it } from 'vitest';
import { confusionMatrix } from './confusionMatrix';
import { precisionRecallF1 } from './precisionRecallF1';

// Six candles: p > 0.5 is a BUY call.
//   i:      0    1    2    3    4    5
//   p:     0.9  0.6  0.4  0.2  0.7  0.5
//   call:   B    B    S    S    B    S   (0.5 is not > 0.5, so SELL)
//   label:  1    0    1    0    1    0
// actual SELL (i=1,3,5): called S at 3,5 -> 2; called B at 1 -> 1
// actual BUY  (i=0,2,4): called S at 2 -> 1; called B at 0,4 -> 2
const p = [0.9, 0.6, 0.4, 0.2, 0.7, 0.5];
const y = [1, 0, 1, 0, 1, 0];

describe('confusionMatrix', () => {
  it('counts [actual][predicted] with a strict > 0.5 BUY call', () => {
    expect(confusionMatrix(p, y)).toEqual([
      [2, 1],
      [1, 2],
    ]);
  });

  it('moves the cut with the threshold', () => {
    // threshold 0.65: BUY calls only at 0.9 and 0.7 (i=0,4), both BUY -> SELL row [3, 0], BUY row [1, 2].
    expect(confusionMatrix(p, y, 0.65)).toEqual([
      [3, 0],
      [1, 2],
    ]);
  });
});

describe('precisionRecallF1', () => {
  it('scores each class from the matrix', () => {
    // BUY: precision 2/(2+1), recall 2/(2+1), F1 2/3. SELL: the same by symmetry.
    const scores = precisionRecallF1(confusionMatrix(p, y, 0.5));
    expect(scores.BUY.precision).toBeCloseTo(2 / 3, 12);
    expect(scores.BUY.recall).toBeCloseTo(2 / 3, 12);
    expect(scores.BUY.f1).toBeCloseTo(2 / 3, 12);
    expect(scores.SELL.support).toBe(3);
  });

  it('uses different precision and recall when they differ', () => {
    // threshold 0.65: BUY precision 2/2 = 1, recall 2/3, F1 = 2*1*(2/3)/(1+2/3) = 0.8.
    // SELL precision 3/4 = 0.75, recall 3/3 = 1, F1 = 2*0.75/(1.75) = 6/7.
    const scores = precisionRecallF1(confusionMatrix(p, y, 0.65));
    expect(scores.BUY).toEqual({ precision: 1, recall: 2 / 3, f1: expect.closeTo(0.8, 12), support: 3 });
    expect(scores.SELL.precision).toBe(0.75);
    expect(scores.SELL.recall).toBe(1);
    expect(scores.SELL.f1).toBeCloseTo(6 / 7, 12);
  });

  it('reports an undefined precision as null, not 0, when a class is never called', () => {
    // Always BUY: SELL is never called (precision 0/0), SELL recall 0/2 = 0.
    const scores = precisionRecallF1(confusionMatrix([0.9, 0.8, 0.7], [0, 0, 1]));
    expect(scores.SELL).toEqual({ precision: null, recall: 0, f1: null, support: 2 });
    expect(scores.BUY.precision).toBeCloseTo(1 / 3, 12);
  });
});
