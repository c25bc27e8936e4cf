import type { Candle } from '../candles/Candle';
import type { StreamingIndicator } from '../indicators/StreamingIndicator';
import type { FeatureSpec } from './FeatureSpec';
import { resolveFeatures } from './FeatureSpec';

/**
 * Computes one feature row per candle, causally: the row for a candle depends on it and earlier
 * candles only. This is the one implementation of feature computation; batch (computeFeatures),
 * the trainer and the edge all drive it.
 */
export class FeatureStream {
  private readonly indicators: StreamingIndicator<Candle>[];
  private seen = 0;

  constructor(readonly spec: FeatureSpec) {
    this.indicators = resolveFeatures(spec.names).map((d) => d.create());
  }

  /**
   * Feeds one candle and writes its feature row into `out` at `offset` (NaN where a feature is
   * still warming up). Returns true when the whole row is defined.
   */
  add(candle: Candle, out: Float32Array, offset = 0): boolean {
    this.seen++;
    let complete = true;
    for (let f = 0; f < this.indicators.length; f++) {
      const value = this.indicators[f].add(candle);
      if (value === null || !Number.isFinite(value)) {
        out[offset + f] = Number.NaN;
        complete = false;
      } else {
        out[offset + f] = value;
      }
    }
    return complete;
  }

  /** Candles fed so far. */
  get count(): number {
    return this.seen;
  }
}
