import { describe, expect, it } from 'vitest';
import { chronologicalSplit } from './chronologicalSplit';
import { walkForwardFolds } from './walkForwardFolds';

// 1,000 samples ending at rows 100..1099, with some rows missing (dropped flat candles).
const ends = Int32Array.from({ length: 1000 }, (_, i) => 100 + i + Math.floor(i / 7));
const W = 60;

/** The leak check: every training label row is before the first row of every test window. */
function assertNoLeak(train: number[], test: number[], embargo = 0): void {
  const lastLabelRow = Math.max(...train.map((i) => ends[i] + 1));
  const firstTestRow = Math.min(...test.map((i) => ends[i] - W + 1));
  expect(lastLabelRow).toBeLessThan(firstTestRow - embargo);
}

describe('chronologicalSplit', () => {
  it('keeps time order and purges so no training window or label overlaps a later block', () => {
    const split = chronologicalSplit(ends, { train: 0.6, validation: 0.2, test: 0.2 }, { windowLength: W });
    expect(split.test[0]).toBe(800);
    assertNoLeak(split.train, split.validation);
    assertNoLeak(split.train, split.test);
    assertNoLeak(split.validation, split.test);
    // The purge removed about a window's worth of samples before each boundary, not more.
    expect(600 - split.train.length).toBeGreaterThanOrEqual(W - 10);
    expect(600 - split.train.length).toBeLessThanOrEqual(W + 2);
  });

  it('would leak without the purge (the check above can fail)', () => {
    const unpurged = Array.from({ length: 600 }, (_, i) => i);
    const validation = Array.from({ length: 200 }, (_, i) => 600 + i);
    expect(() => assertNoLeak(unpurged, validation)).toThrow();
  });

  it('rejects fractions that do not sum to 1', () => {
    expect(() => chronologicalSplit(ends, { train: 0.7, validation: 0.2, test: 0.2 }, { windowLength: W })).toThrow(/sum to 1/);
  });
});

describe('walkForwardFolds', () => {
  it('scores consecutive, non-overlapping blocks, each trained only on the purged, embargoed past', () => {
    const folds = walkForwardFolds(ends, { folds: 5, windowLength: W, embargo: 10 });
    expect(folds).toHaveLength(5);
    const tested = folds.flatMap((f) => f.test);
    expect(tested).toEqual(Array.from({ length: 500 }, (_, i) => 500 + i));
    for (const fold of folds) {
      assertNoLeak(fold.train, fold.test, 10);
      expect(Math.max(...fold.train)).toBeLessThan(fold.test[0]);
    }
    // Expanding window: each fold trains on more than the one before.
    for (let k = 1; k < folds.length; k++) expect(folds[k].train.length).toBeGreaterThan(folds[k - 1].train.length);
  });

  it('rejects impossible fold counts', () => {
    expect(() => walkForwardFolds(ends, { folds: 0, windowLength: W })).toThrow(/positive integer/);
    expect(() => walkForwardFolds(ends.slice(0, 4), { folds: 5, windowLength: W })).toThrow(/too few/);
  });
});
