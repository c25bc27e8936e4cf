import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from './expectedCalibrationError';
import { reliabilityBins } from './reliabilityBins';

describe('reliabilityBins with empty bins', () => {
  it('leaves bins without samples empty (count 0, NaN means) and ECE skips them', () => {
    // 4 bins of width 0.25. p = 0.1, 0.2 fall in bin 0; 0.9 in bin 3; bins 1 and 2 are empty.
    // bin 0: mean p 0.15, observed (0 + 1) / 2 = 0.5 -> gap 0.35, weight 2
    // bin 3: mean p 0.9, observed 1 -> gap 0.1, weight 1
    // ECE = (2 * 0.35 + 1 * 0.1) / 3 = 0.8 / 3
    const bins = reliabilityBins([0.1, 0.2, 0.9], [0, 1, 1], 4);
    expect(bins.map((b) => b.count)).toEqual([2, 0, 0, 1]);
    expect(bins[1].meanPredicted).toBeNaN();
    expect(bins[2].observed).toBeNaN();
    expect(bins[0].meanPredicted).toBeCloseTo(0.15, 12);
    expect(expectedCalibrationError([0.1, 0.2, 0.9], [0, 1, 1], 4)).toBeCloseTo(0.8 / 3, 12);
  });
});
