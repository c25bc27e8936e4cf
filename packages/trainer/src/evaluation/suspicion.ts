/** Above this, a next-minute direction accuracy is presumed to be leakage until shown otherwise. */
export const SUSPICIOUS_ACCURACY = 0.58;

/**
 * The rule a sceptical quant applies to one-minute direction accuracy: above `threshold` (58% by
 * default), the number is presumed to come from leakage, not skill. Returns the warning text, or
 * null when the accuracy is below the threshold. `context` names the model and the best baseline
 * so the warning says how much of the level the baseline already explains (bid-ask bounce alone
 * gives ~61% on a thin market).
 */
export function suspicion(
  accuracy: number,
  threshold = SUSPICIOUS_ACCURACY,
  context: { model?: string; bestBaseline?: { name: string; accuracy: number } } = {},
): string | null {
  if (!(accuracy > threshold)) return null;
  const who = context.model ? `${context.model}: ` : '';
  const base = context.bestBaseline
    ? ` The best baseline (${context.bestBaseline.name}) scores ${percent(context.bestBaseline.accuracy)}, so the model adds ${points(accuracy - context.bestBaseline.accuracy)} over it.`
    : '';
  return (
    `${who}accuracy ${percent(accuracy)} exceeds ${percent(threshold)} on next-candle direction.${base} ` +
    'On one-minute data this is almost always leakage (features or labels that see the future, overlapping ' +
    'train and test windows, normalisation fitted on test data). Check the leakage canaries before trusting it.'
  );
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function points(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} points`;
}
