import type { Candle } from '@candlecast/shared';
import type { SignalModel } from '../engine/SignalModel';
import type { ArtifactSource, TagPointer } from '../registry/ArtifactSource';

/**
 * A transparent stand-in model for HTTP-layer tests: p(BUY) is a fixed function of the last two
 * closes, so a test can compute the expected answer itself. Real models are tested in the engine
 * and end-to-end tests.
 */
export function testModel(version: string, minCandles = 10): SignalModel & { calls: number } {
  return {
    version,
    minCandles,
    windowLength: 5,
    featureSpec: { version: 1, names: ['logReturn1'], hash: 'test' },
    info: { members: ['test'] },
    calls: 0,
    predict(candles: readonly Candle[]) {
      this.calls++;
      const last = candles[candles.length - 1];
      const before = candles[candles.length - 2];
      const pBuy = last.close < before.close ? 0.7 : last.close > before.close ? 0.3 : 0.5;
      return { signal: pBuy > 0.55 ? 'BUY' : pBuy < 0.45 ? 'SELL' : 'HOLD', pBuy, confidence: Math.max(pBuy, 1 - pBuy), models: { test: { buy: pBuy } } };
    },
  };
}

/** An in-memory artifact source whose pointers and failures a test controls. */
export class MemorySource implements ArtifactSource {
  pointers = new Map<string, TagPointer>();
  models = new Map<string, SignalModel>();
  failing = false;
  loads = 0;

  async resolveTag(tag: string): Promise<TagPointer | null> {
    if (this.failing) throw new Error('storage unavailable');
    return this.pointers.get(tag) ?? null;
  }

  async load(version: string): Promise<SignalModel> {
    if (this.failing) throw new Error('storage unavailable');
    this.loads++;
    const model = this.models.get(version);
    if (!model) throw new Error(`version ${version} not found`);
    return model;
  }
}

/** `count` valid one-minute candles as [t, o, h, l, c, v] arrays, closes zig-zagging. */
export function candleArrays(count: number, start = Date.UTC(2024, 0, 1)): number[][] {
  return Array.from({ length: count }, (_, i) => {
    const close = 100 + (i % 2 === 0 ? 1 : -1) + i * 0.01;
    return [start + i * 60_000, 100, Math.max(100, close) + 0.5, Math.min(100, close) - 0.5, close, 1 + i];
  });
}
