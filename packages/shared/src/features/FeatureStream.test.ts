import { describe, expect, it } from 'vitest';
import { generateCandles } from '../synthetic/generateCandles';
import { FEATURE_CATALOG } from './catalog/index';
import { createFeatureSpec, DEFAULT_FEATURE_SPEC } from './FeatureSpec';
import { FeatureStream } from './FeatureStream';

const candles = generateCandles({ count: 700, seed: 5, idleProbability: 0.03 });
const other = generateCandles({ count: 500, seed: 6, idleProbability: 0.1 });
// The default order, a reversed order, and one that splits the family members (MACD, Bollinger, Stochastic) apart.
const specs = [
  DEFAULT_FEATURE_SPEC,
  createFeatureSpec([...DEFAULT_FEATURE_SPEC.names].reverse()),
  createFeatureSpec(['macdHistogram', 'rsi14', 'bollingerBandwidth', 'macdLine', 'stochasticD3', 'candleBody']),
];

function rowsOf(stream: FeatureStream, series: typeof candles): Float32Array {
  const F = stream.spec.names.length;
  const rows = new Float32Array(series.length * F);
  series.forEach((candle, t) => stream.add(candle, rows, t * F));
  return rows;
}

function expectSameBits(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const differing = actual.findIndex((value, i) => !Object.is(value, expected[i]));
  expect(differing, `first differing value at ${differing}: ${actual[differing]} vs ${expected[differing]}`).toBe(-1);
}

describe.each(specs.map((spec) => [spec.names.join(','), spec] as const))('FeatureStream over %s', (_, spec) => {
  const F = spec.names.length;

  it('after reset() writes exactly the rows a fresh stream writes', () => {
    const reused = new FeatureStream(spec);
    rowsOf(reused, other);
    reused.reset();
    expect(reused.count).toBe(0);
    expectSameBits(rowsOf(reused, candles), rowsOf(new FeatureStream(spec), candles));
  });

  it('addMany writes exactly the rows add writes, from any start and offset, across blocks and after reset()', () => {
    const expected = rowsOf(new FeatureStream(spec), candles.slice(100, 600));
    const stream = new FeatureStream(spec);
    stream.addMany(other, 0, other.length, new Float32Array(other.length * F));
    stream.reset();
    const out = new Float32Array(3 + 500 * F);
    stream.addMany(candles, 100, 500, out, 3);
    expect(stream.count).toBe(500);
    expectSameBits(out.subarray(3), expected);
  });
});

describe('FeatureDefinition.create()', () => {
  it('gives, on its own, the values its column has in a full stream (family members included), again after reset()', () => {
    const F = DEFAULT_FEATURE_SPEC.names.length;
    const rows = rowsOf(new FeatureStream(DEFAULT_FEATURE_SPEC), candles);
    DEFAULT_FEATURE_SPEC.names.forEach((name, f) => {
      const kernel = FEATURE_CATALOG.find((d) => d.name === name)!.create();
      const first = candles.map((candle) => kernel.add(candle));
      first.forEach((value, t) => {
        const streamed = rows[t * F + f];
        if (value === null) expect(streamed, `${name} at ${t}`).toBeNaN();
        else expect(Math.fround(value), `${name} at ${t}`).toBe(streamed);
      });
      expect(kernel.getResult()).toBe(first[first.length - 1]);
      kernel.reset();
      expect(kernel.getResult()).toBeNull();
      expect(candles.map((candle) => kernel.add(candle))).toEqual(first);
    });
  });
});
