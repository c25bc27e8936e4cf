import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_CONFIG, resolveModelConfig } from './ModelConfig';

describe('resolveModelConfig', () => {
  it('defaults to the reference architecture', () => {
    expect(resolveModelConfig(undefined)).toEqual(DEFAULT_MODEL_CONFIG);
    expect(DEFAULT_MODEL_CONFIG).toMatchObject({ windowLength: 60, minHistory: 60, recurrentUnits: [128, 64], denseUnits: 32, dropout: 0.2 });
  });

  it('keeps masking off when only the window changes, and on when the base had it', () => {
    expect(resolveModelConfig({ windowLength: 90 })).toMatchObject({ windowLength: 90, minHistory: 90 });
    const masked = resolveModelConfig({ minHistory: 40 });
    expect(resolveModelConfig({ windowLength: 30 }, 'model', masked)).toMatchObject({ windowLength: 30, minHistory: 30 });
    expect(resolveModelConfig({ windowLength: 120 }, 'model', masked)).toMatchObject({ windowLength: 120, minHistory: 40 });
  });

  it.each([
    [{ windowLength: 20 }, /model\.windowLength: must be an integer from 30 to 120, got 20/],
    [{ minHistory: 70 }, /model\.minHistory: must be at most windowLength \(60\), got 70/],
    [{ recurrentUnits: [64, 0] }, /model\.recurrentUnits\[1\]: must be an integer from 1 to 1024, got 0/],
    [{ recurrentUnits: [] }, /model\.recurrentUnits: must be a non-empty list/],
    [{ dropout: 1.5 }, /model\.dropout: must be a number from 0 to 0\.9, got 1\.5/],
    [{ transformer: { dModel: 30, heads: 4 } }, /model\.transformer\.heads: dModel 30 must be divisible by heads, got 4/],
    [{ units: 3 }, /model\.units: unknown field; known: windowLength/],
  ])('names the bad field of %j', (raw, message) => {
    expect(() => resolveModelConfig(raw)).toThrow(message);
  });
});
