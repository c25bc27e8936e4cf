import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../random/SeededRandom';
import { pairedBootstrapDifference } from './pairedBootstrapDifference';

/** Model and baseline calls that are right with the given per-sample outcomes (labels all BUY). */
function fromOutcomes(modelRight: number[], baselineRight: number[]) {
  return {
    pModel: modelRight.map((r) => (r ? 0.9 : 0.1)),
    pBaseline: baselineRight.map((r) => (r ? 0.9 : 0.1)),
    labels: modelRight.map(() => 1),
  };
}

describe('pairedBootstrapDifference', () => {
  it('collapses to the point value when every pair differs the same way', () => {
    // Model right everywhere, baseline wrong everywhere: every resample has difference 1.
    const { pModel, pBaseline, labels } = fromOutcomes([1, 1, 1, 1, 1], [0, 0, 0, 0, 0]);
    expect(pairedBootstrapDifference(pModel, pBaseline, labels, { resamples: 50 })).toEqual({ difference: 1, interval: [1, 1] });
  });

  it('gives a point value of accuracy(model) - accuracy(baseline)', () => {
    // model right 3 of 4, baseline right 1 of 4 -> 0.75 - 0.25 = 0.5.
    const { pModel, pBaseline, labels } = fromOutcomes([1, 1, 1, 0], [0, 1, 0, 0]);
    expect(pairedBootstrapDifference(pModel, pBaseline, labels, { resamples: 10 }).difference).toBe(0.5);
  });

  it('is reproducible with a seed and moves with another seed', () => {
    const random = new SeededRandom(3);
    const outcomes = Array.from({ length: 400 }, () => (random.next() < 0.55 ? 1 : 0));
    const baseline = Array.from({ length: 400 }, () => (random.next() < 0.5 ? 1 : 0));
    const { pModel, pBaseline, labels } = fromOutcomes(outcomes, baseline);
    const a = pairedBootstrapDifference(pModel, pBaseline, labels, { seed: 7, resamples: 500 });
    expect(pairedBootstrapDifference(pModel, pBaseline, labels, { seed: 7, resamples: 500 })).toEqual(a);
    expect(pairedBootstrapDifference(pModel, pBaseline, labels, { seed: 8, resamples: 500 }).interval).not.toEqual(a.interval);
  });

  it('matches the normal-theory width for independent pairs (blockLength 1)', () => {
    // d_i in {-1, 0, 1}; the interval half-width should be close to 1.96 * sd(d) / sqrt(n).
    const random = new SeededRandom(11);
    const n = 2000;
    const model = Array.from({ length: n }, () => (random.next() < 0.55 ? 1 : 0));
    const baseline = Array.from({ length: n }, () => (random.next() < 0.5 ? 1 : 0));
    const d = model.map((m, i) => m - baseline[i]);
    const mean = d.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    const { pModel, pBaseline, labels } = fromOutcomes(model, baseline);
    const { difference, interval } = pairedBootstrapDifference(pModel, pBaseline, labels, { blockLength: 1, resamples: 4000, seed: 5 });
    expect(difference).toBeCloseTo(mean, 12);
    const halfWidth = (interval[1] - interval[0]) / 2;
    expect(halfWidth / ((1.96 * sd) / Math.sqrt(n))).toBeGreaterThan(0.9);
    expect(halfWidth / ((1.96 * sd) / Math.sqrt(n))).toBeLessThan(1.1);
  });

  it('widens the interval when outcomes come in runs and the blocks respect them', () => {
    // Outcomes in runs of 50: block resampling must see the larger variance that iid resampling hides.
    const random = new SeededRandom(2);
    const model: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < 40; run++) {
      const m = random.next() < 0.5 ? 1 : 0;
      const b = random.next() < 0.5 ? 1 : 0;
      for (let k = 0; k < 50; k++) {
        model.push(m);
        baseline.push(b);
      }
    }
    const { pModel, pBaseline, labels } = fromOutcomes(model, baseline);
    const width = (blockLength: number) => {
      const { interval } = pairedBootstrapDifference(pModel, pBaseline, labels, { blockLength, resamples: 1000, seed: 1 });
      return interval[1] - interval[0];
    };
    expect(width(50)).toBeGreaterThan(3 * width(1));
  });

  it('rejects a bad block length', () => {
    expect(() => pairedBootstrapDifference([0.9], [0.1], [1], { blockLength: 0 })).toThrow(/blockLength must be a positive integer, got 0/);
  });
});
