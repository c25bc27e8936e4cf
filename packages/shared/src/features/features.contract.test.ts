/** The contract every feature in the catalog must keep. */
import { describe, expect, it } from 'vitest';
import type { Candle } from '../candles/Candle';
import { generateCandles } from '../synthetic/generateCandles';
import { FEATURE_CATALOG } from './catalog/index';
import { computeFeatures } from './computeFeatures';
import { createFeatureSpec, DEFAULT_FEATURE_SPEC } from './FeatureSpec';
import { FeatureStream } from './FeatureStream';

const candles = generateCandles({ count: 400, seed: 11, idleProbability: 0.03 });
const cut = 250;

function perturbFuture(source: Candle[], from: number, seed: number): Candle[] {
  return source.map((c, i) => {
    if (i < from) return c;
    const k = 1 + 0.05 * Math.sin(i * seed);
    return { time: c.time, open: c.open * k, high: c.high * k * 1.01, low: c.low * k * 0.99, close: c.close * k, volume: c.volume * (2 + Math.cos(i)) };
  });
}

describe.each(FEATURE_CATALOG.map((f) => [f.name, f] as const))('feature %s', (name, definition) => {
  const spec = createFeatureSpec([name]);

  it('never changes a past value when future candles change or are appended (no look-ahead)', () => {
    const full = computeFeatures(candles, spec).values;
    const truncated = computeFeatures(candles.slice(0, cut), spec).values;
    const altered = computeFeatures(perturbFuture(candles, cut, 3), spec).values;
    for (let t = 0; t < cut; t++) {
      expect(Object.is(truncated[t], full[t]), `row ${t}`).toBe(true);
      expect(Object.is(altered[t], full[t]), `row ${t}`).toBe(true);
    }
    // The perturbation must reach the feature, or the check above proves nothing.
    let changedAfterCut = 0;
    for (let t = cut; t < candles.length; t++) if (!Object.is(altered[t], full[t])) changedAfterCut++;
    expect(changedAfterCut).toBeGreaterThan(0);
  });

  it('streams exactly what the batch computes', () => {
    const batch = computeFeatures(candles, spec).values;
    const stream = new FeatureStream(spec);
    const row = new Float32Array(1);
    candles.forEach((candle, t) => {
      stream.add(candle, row);
      expect(Object.is(row[0], batch[t]), `row ${t}`).toBe(true);
    });
  });

  it('has its first value exactly at its declared warm-up and finite values after', () => {
    const warmUp = definition.create().getRequiredInputs();
    const { values, firstCompleteRow } = computeFeatures(candles, spec);
    expect(firstCompleteRow).toBe(warmUp - 1);
    for (let t = 0; t < candles.length; t++) {
      if (t < warmUp - 1) expect(values[t], `row ${t}`).toBeNaN();
      else expect(Number.isFinite(values[t]), `row ${t}`).toBe(true);
    }
  });
});

describe.each(FEATURE_CATALOG.map((f) => [f.name, f] as const))('feature %s from a tail of warm-up candles', (name, definition) => {
  it('equals the value computed over the whole history (what the edge serves is what was trained)', () => {
    const spec = createFeatureSpec([name]);
    const long = generateCandles({ count: 1500, seed: 23, idleProbability: 0.03 });
    const full = computeFeatures(long, spec).values;
    const warmUp = spec.warmUp;
    // Measured in the feature's own spread (what normalisation divides by): at most 1e-4 of a standard deviation.
    const settled = Array.from(full.subarray(warmUp));
    const mean = settled.reduce((a, b) => a + b, 0) / settled.length;
    const std = Math.sqrt(settled.reduce((a, b) => a + (b - mean) ** 2, 0) / settled.length);
    expect(std).toBeGreaterThan(0);
    for (const end of [warmUp + 10, 900, 1499]) {
      const tail = computeFeatures(long.slice(end - warmUp + 1, end + 1), spec).values;
      const served = tail[warmUp - 1];
      const trained = full[end];
      expect(Math.abs(served - trained) / std, `${definition.name} at candle ${end}: ${served} vs ${trained}`).toBeLessThanOrEqual(1e-4);
    }
  });
});

describe('the default spec', () => {
  it('has 20 distinct features, a warm-up covering every memory (ADX: two Wilder smoothings), and a stable hash', () => {
    expect(DEFAULT_FEATURE_SPEC.names).toHaveLength(20);
    expect(new Set(DEFAULT_FEATURE_SPEC.names).size).toBe(20);
    // Wilder(14) forgets its start to 1e-6 after ceil(ln 1e-6 / ln(13/14)) = 187 candles; ADX smooths twice.
    expect(DEFAULT_FEATURE_SPEC.warmUp).toBe(1 + 2 * 187);
    // A tripwire: this changes only when a formula, a name or the order changes, which invalidates
    // every trained artifact. Update it deliberately, with FEATURE_SPEC_VERSION if the math changed.
    expect(DEFAULT_FEATURE_SPEC.hash).toBe('76213c2a12fe3861dc752e21a6069cc6a1e6d27ffca0b4d5765090013adff93a');
    expect(createFeatureSpec([...DEFAULT_FEATURE_SPEC.names].reverse()).hash).not.toBe(DEFAULT_FEATURE_SPEC.hash);
  });

  it('rejects unknown and repeated names', () => {
    expect(() => createFeatureSpec(['rsi14', 'price'])).toThrow(/unknown feature "price"; known: logReturn1/);
    expect(() => createFeatureSpec(['rsi14', 'rsi14'])).toThrow(/listed twice/);
    expect(() => createFeatureSpec([])).toThrow(/at least one feature/);
  });
});
