import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_FEATURE_SPEC } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { featureTable } from './featuresCommand';

describe('feature reference', () => {
  it('lists every feature of the default spec with its warm-up', () => {
    const table = featureTable();
    for (const name of DEFAULT_FEATURE_SPEC.names) expect(table).toContain(`\`${name}\``);
    expect(table).toContain('| 17 | `smaDistance50` | close[t] / SMA50(close) - 1 | 50 | - |');
    expect(table).toContain('| 10 | `adx14` | ADX(14), Wilder smoothing, 0..100 | 27 | 375 |');
  });

  it('is what docs/FEATURES.md shows (regenerate with `npx candlecast features`)', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../../docs/FEATURES.md'), 'utf8');
    expect(doc).toContain(featureTable());
  });
});
