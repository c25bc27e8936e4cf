/**
 * A causal indicator fed one input at a time. `add` returns the value after that input, or null
 * while the indicator is still warming up; `getRequiredInputs()` is the single source of truth for
 * how many inputs it needs before its first value. Batch computation runs the same `add` loop, so
 * batch and streaming cannot disagree.
 *
 * The indicators in this folder also offer the allocation-free form `add` is built on, for the
 * serving hot path: `update(input): void`, `isReady`, the value in a plain numeric field (`value`,
 * or the reused `latest` object for several outputs; NaN while warming up) and `reset()`. A
 * `number | null` return boxes every double in V8; a double field is overwritten in place.
 */
export interface StreamingIndicator<TInput, TResult = number> {
  add(input: TInput): TResult | null;
  getResult(): TResult | null;
  getRequiredInputs(): number;
}
