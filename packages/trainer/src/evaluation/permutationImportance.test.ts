import { DEFAULT_FEATURE_SPEC, SeededRandom, type Dataset } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { permutationImportance } from './permutationImportance';

const F = 5;
const W = 4;
const ROWS = 400;

/** A hand-made normalised dataset whose label is the sign of feature 3 on the window's last row. */
function toyDataset(): Dataset {
  const random = new SeededRandom(9);
  const features = new Float32Array(ROWS * F);
  for (let i = 0; i < features.length; i++) features[i] = random.normal();
  const ends = Int32Array.from({ length: ROWS - W + 1 }, (_, i) => i + W - 1);
  const labels = Int8Array.from(ends, (end) => (features[end * F + 3] > 0 ? 1 : 0));
  const spec = { ...DEFAULT_FEATURE_SPEC, names: ['f0', 'f1', 'f2', 'f3', 'f4'] };
  return { spec, windowLength: W, featureCount: F, features, rows: ROWS, rowTimes: new Float64Array(ROWS), candles: [], ends, labels, filled: 0, gaps: 0 };
}

/** Uses only feature 3 of each window's last row. */
function predictFromFeature3(dataset: Dataset, samples: readonly number[]): Float32Array {
  return Float32Array.from(samples, (s) => 1 / (1 + Math.exp(-4 * dataset.features[dataset.ends[s] * F + 3])));
}

describe('permutationImportance', () => {
  const dataset = toyDataset();
  const samples = Array.from({ length: 200 }, (_, i) => i + 100);

  it('finds the one feature the model uses and nothing else', async () => {
    const { accuracy, drop } = await permutationImportance({ dataset, samples, predict: predictFromFeature3, seed: 3 });
    expect(accuracy).toBe(1);
    // Unused columns: predictions are bit-identical after shuffling, so the drop is exactly 0.
    expect([drop.f0, drop.f1, drop.f2, drop.f4]).toEqual([0, 0, 0, 0]);
    // Shuffled, feature 3 is unrelated to the label: accuracy falls to about a coin flip.
    expect(drop.f3).toBeGreaterThan(0.35);
    expect(drop.f3).toBeLessThan(0.65);
  });

  it('permutes only rows the scored windows cover, on a copy', async () => {
    const before = Float32Array.from(dataset.features);
    const seen: Float32Array[] = [];
    await permutationImportance({
      dataset,
      samples,
      seed: 3,
      predict: (d, s) => {
        seen.push(Float32Array.from(d.features));
        return predictFromFeature3(d, s);
      },
    });
    expect(dataset.features).toEqual(before);
    // Call 4 is feature 3 shuffled: rows outside [first window start, last end] are untouched, and
    // the shuffled column holds the same multiset of values.
    const shuffled = seen[4];
    const firstRow = dataset.ends[samples[0]] - W + 1;
    const lastRow = dataset.ends[samples[samples.length - 1]];
    for (let r = 0; r < ROWS; r++) {
      if (r < firstRow || r > lastRow) expect(shuffled[r * F + 3]).toBe(before[r * F + 3]);
    }
    const column = (m: Float32Array) => Array.from({ length: lastRow - firstRow + 1 }, (_, k) => m[(firstRow + k) * F + 3]).sort();
    expect(column(shuffled)).toEqual(column(before));
    expect(column(shuffled)).not.toEqual(Array.from({ length: lastRow - firstRow + 1 }, (_, k) => before[(firstRow + k) * F + 3]));
  });

  it('is reproducible with a seed', async () => {
    const a = await permutationImportance({ dataset, samples, predict: predictFromFeature3, seed: 4, repeats: 2 });
    const b = await permutationImportance({ dataset, samples, predict: predictFromFeature3, seed: 4, repeats: 2 });
    expect(a).toEqual(b);
  });

  it('rejects a name list that does not match the columns', async () => {
    await expect(permutationImportance({ dataset, samples, predict: predictFromFeature3, featureNames: ['a'] })).rejects.toThrow(/got 1 feature names for 5 columns/);
  });
});
