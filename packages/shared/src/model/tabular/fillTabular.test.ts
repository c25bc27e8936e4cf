import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../windows/buildDataset';
import { DEFAULT_FEATURE_SPEC, createFeatureSpec } from '../../features/FeatureSpec';
import { generateCandles } from '../../synthetic/generateCandles';
import { materializeWindows } from '../../windows/materializeWindows';
import { fillTabular, tabularRowFromWindow } from './fillTabular';
import { checkTabularSpec, createTabularSpec } from './TabularSpec';

describe('tabular features', () => {
  it('has 60 named default columns over the default features, with a stable hash', () => {
    const spec = createTabularSpec(DEFAULT_FEATURE_SPEC);
    expect(spec.names).toHaveLength(60);
    expect(spec.names.slice(0, 2)).toEqual(['logReturn1', 'logReturn5']);
    expect(spec.names).toContain('rsi14[t-5]');
    expect(spec.names).toContain('std30(logReturn1)');
    expect(spec.requiredWindow).toBe(30);
    expect(createTabularSpec(DEFAULT_FEATURE_SPEC).hash).toBe(spec.hash);
    expect(createTabularSpec(DEFAULT_FEATURE_SPEC, spec.columns.slice(1)).hash).not.toBe(spec.hash);
    expect(checkTabularSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it('computes last, lag, mean, population std, min and max over the window', () => {
    const featureSpec = createFeatureSpec(['logReturn1', 'rsi14']);
    const spec = createTabularSpec(featureSpec, [
      { op: 'last', feature: 'rsi14' },
      { op: 'lag', feature: 'logReturn1', lag: 2 },
      { op: 'mean', feature: 'logReturn1', span: 4 },
      { op: 'std', feature: 'logReturn1', span: 4 },
      { op: 'min', feature: 'rsi14', span: 3 },
      { op: 'max', feature: 'rsi14', span: 3 },
    ]);
    // Five rows [logReturn1, rsi14]; the window ends at the last one.
    const window = Float32Array.from([9, 0, 1, 50, 2, 70, 3, 40, 6, 60]);
    // logReturn1 over the last 4 rows: 1 2 3 6 -> mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5.
    expect(Array.from(tabularRowFromWindow(spec, window))).toEqual([60, 2, 3, Math.fround(Math.sqrt(3.5)), 40, 70]);
  });

  it('fills many samples exactly as one window at a time (what the edge computes)', () => {
    const dataset = buildDataset(generateCandles({ count: 900, seed: 2 }), { spec: DEFAULT_FEATURE_SPEC, windowLength: 30 });
    const spec = createTabularSpec(DEFAULT_FEATURE_SPEC);
    const samples = [0, 5, 17, dataset.ends.length - 1];
    const rows = fillTabular(spec, dataset, samples);
    const windows = materializeWindows(dataset.features, dataset.featureCount, 30, dataset.ends, samples);
    samples.forEach((_, s) => {
      const one = tabularRowFromWindow(spec, windows.subarray(s * 30 * 20, (s + 1) * 30 * 20));
      expect(Array.from(rows.subarray(s * 60, (s + 1) * 60))).toEqual(Array.from(one));
    });
  });

  it('refuses a dataset of another feature spec, short windows, and unknown features', () => {
    const other = createFeatureSpec(['logReturn1', 'rsi14']);
    const dataset = buildDataset(generateCandles({ count: 900, seed: 2 }), { spec: other, windowLength: 20 });
    expect(() => fillTabular(createTabularSpec(DEFAULT_FEATURE_SPEC), dataset, [0])).toThrow(/feature spec/);
    expect(() => fillTabular(createTabularSpec(other), dataset, [0])).toThrow(/windows of 30 rows, the dataset has 20/);
    expect(() => createTabularSpec(other, [{ op: 'last', feature: 'nope' }])).toThrow(/unknown feature "nope"/);
    expect(() => createTabularSpec(other, [{ op: 'lag', feature: 'rsi14', lag: 0 }])).toThrow(/lag must be an integer >= 1/);
  });
});
