import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';
import { predictTreeRow, predictTrees } from './predictTrees';
import { deserializeTreeEnsemble, serializeTreeEnsemble } from './serializeTreeEnsemble';
import type { TreeEnsemble } from './TreeEnsemble';

/** Two stumps: tree 0 splits column 0 at 0.5, tree 1 splits column 1 at -1. */
function stumps(aggregation: TreeEnsemble['aggregation']): TreeEnsemble {
  return {
    kind: aggregation === 'mean' ? 'random-forest' : 'gradient-boosting',
    aggregation,
    featureCount: 2,
    baseScore: aggregation === 'mean' ? 0 : 0.25,
    roots: Int32Array.from([0, 3]),
    feature: Int16Array.from([0, -1, -1, 1, -1, -1]),
    threshold: Float32Array.from([0.5, 0, 0, -1, 0, 0]),
    left: Int32Array.from([1, 0, 0, 4, 0, 0]),
    right: Int32Array.from([2, 0, 0, 5, 0, 0]),
    value: Float32Array.from([0, 0.2, 0.8, 0, 0.4, 0.6]),
  };
}

describe('tree inference', () => {
  it('walks left on x <= threshold and averages (forest) or sums logits (boosting)', () => {
    const rows = Float32Array.from([0.5, -1, 0.6, 3, Number.NaN, -2]);
    const f = Math.fround;
    // Leaves: (0.2, 0.4), (0.8, 0.6), (0.8 via NaN going right, 0.4); float32 leaves summed in float64.
    expect(Array.from(predictTrees(stumps('mean'), rows))).toEqual([(f(0.2) + f(0.4)) / 2, (f(0.8) + f(0.6)) / 2, (f(0.8) + f(0.4)) / 2].map(f));
    expect(predictTreeRow(stumps('logistic'), rows, 4)).toBe(1 / (1 + Math.exp(-(0.25 + Math.fround(0.8) + Math.fround(0.4)))));
  });

  it('survives serialisation through JSON unchanged', () => {
    for (const ensemble of [stumps('mean'), stumps('logistic')]) {
      const json = JSON.parse(JSON.stringify(serializeTreeEnsemble(ensemble, 'abc')));
      expect(json.inputHash).toBe('abc');
      expect(deserializeTreeEnsemble(json)).toEqual(ensemble);
    }
  });

  it('refuses corrupt trees before walking them', () => {
    const cyclic = stumps('mean');
    cyclic.left[3] = 0;
    expect(() => deserializeTreeEnsemble(serializeTreeEnsemble(cyclic))).toThrow(/node 3 has child 0/);
    const wide = stumps('mean');
    wide.feature[0] = 2;
    expect(() => deserializeTreeEnsemble(serializeTreeEnsemble(wide))).toThrow(/column 2, outside 0..1/);
    const truncated = serializeTreeEnsemble(stumps('mean'));
    truncated.arrays.value = truncated.arrays.value.slice(0, 8);
    expect(() => deserializeTreeEnsemble(truncated)).toThrow(/array "value"/);
  });

  it('encodes base64 as RFC 4648 section 10 says', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [text, encoded] of vectors) {
      const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
      expect(bytesToBase64(bytes)).toBe(encoded);
      expect(base64ToBytes(encoded)).toEqual(bytes);
    }
    const all = Uint8Array.from({ length: 20000 }, (_, i) => (i * 131) & 255);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
    expect(base64ToBytes('Zm9*')).toBeNull();
  });
});
