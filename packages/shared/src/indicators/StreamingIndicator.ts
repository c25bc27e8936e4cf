/**
 * A causal indicator fed one input at a time. `add` returns the value after that input, or null
 * while the indicator is still warming up; `getRequiredInputs()` is the single source of truth for
 * how many inputs it needs before its first value. Batch computation runs the same `add` loop, so
 * batch and streaming cannot disagree.
 */
export interface StreamingIndicator<TInput, TResult = number> {
  add(input: TInput): TResult | null;
  getResult(): TResult | null;
  getRequiredInputs(): number;
}
