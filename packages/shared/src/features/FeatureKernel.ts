import type { Candle } from '../candles/Candle';
import type { StreamingIndicator } from '../indicators/StreamingIndicator';

/**
 * One feature's causal per-candle computation, built to allocate nothing on the serving hot path:
 * `write` feeds a candle and stores the feature's value at `out[offset]` (NaN while warming up)
 * instead of returning it, because V8 boxes a double returned from a call it does not inline, and
 * a FeatureStream calls twenty different kernels through one call site. Each feature is its own
 * subclass, so the code inside `write` stays monomorphic and optimisable.
 *
 * Also a StreamingIndicator<Candle> for callers that take one value at a time (the trainer's
 * look-ahead check, the features table): `add` runs `write` and reports NaN as null.
 */
export abstract class FeatureKernel implements StreamingIndicator<Candle> {
  private readonly single = new Float64Array([Number.NaN]);

  /** Feeds one candle; writes the feature's value, or NaN while it warms up, to `out[offset]`. */
  abstract write(candle: Candle, out: Float64Array, offset: number): void;

  /** Candles fed before the first value: the feature's warm-up. */
  abstract getRequiredInputs(): number;

  /** Forgets every candle fed, as if freshly created (buffers are kept). */
  reset(): void {
    this.single[0] = Number.NaN;
    this.clear();
  }

  /** Resets the feature's own state (reset() without the base class's part). */
  protected abstract clear(): void;

  add(candle: Candle): number | null {
    this.write(candle, this.single, 0);
    return this.getResult();
  }

  getResult(): number | null {
    const value = this.single[0];
    return Number.isNaN(value) ? null : value;
  }
}
