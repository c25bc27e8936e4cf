import { BUY, HOLD, SELL } from '@candlecast/shared';
import type { FoldOutcome } from './evaluateFold';

/** Every fold's test block joined in time order: the walk-forward out-of-sample record. */
export interface PooledTest {
  /** Test samples of all folds (indices into dataset.ends), HOLD included, consecutive. */
  samples: number[];
  /** Positions in `samples` of the BUY/SELL samples everything is scored on. */
  scoredAt: number[];
  /** 0/1 labels of the scored samples. */
  labels: Uint8Array;
  /** p(BUY) over `samples` per model and `ensemble`. */
  predictions: Record<string, Float32Array>;
  /** p(BUY) over `samples` of the baselines, the random forest included. */
  baselines: { majority: Float32Array; reverseLast: Float32Array; followLast: Float32Array; randomForest: Float32Array };
  /** The ensemble's signals over `samples` with each fold's abstain band: BUY 1, SELL 0, HOLD 2. */
  abstainSignals: Uint8Array;
  /** The shuffled-label canary's p(BUY) over the scored samples, one array per label permutation. */
  shuffled: Float32Array[];
  /** [start, stop) of each fold inside the scored samples, for per-fold metrics. */
  foldRanges: [number, number][];
}

/** Joins fold outcomes (in fold order) into one pooled record. */
export function poolFolds(outcomes: readonly FoldOutcome[], labels: Int8Array): PooledTest {
  const join = (part: (o: FoldOutcome) => Float32Array) => concatenate(outcomes.map(part));
  const samples = outcomes.flatMap((o) => o.plan.test);
  const scoredAt: number[] = [];
  const foldRanges: [number, number][] = [];
  let offset = 0;
  for (const outcome of outcomes) {
    const start = scoredAt.length;
    for (const k of outcome.plan.scoredAt) scoredAt.push(offset + k);
    foldRanges.push([start, scoredAt.length]);
    offset += outcome.plan.test.length;
  }
  const names = Object.keys(outcomes[0].predictions);
  const abstainSignals = new Uint8Array(samples.length);
  offset = 0;
  for (const outcome of outcomes) {
    const p = outcome.predictions.ensemble;
    for (let k = 0; k < p.length; k++) abstainSignals[offset + k] = Math.abs(p[k] - 0.5) <= outcome.ensemble.band.margin ? HOLD : p[k] > 0.5 ? BUY : SELL;
    offset += p.length;
  }
  return {
    samples,
    scoredAt,
    labels: Uint8Array.from(scoredAt, (k) => labels[samples[k]]),
    predictions: Object.fromEntries(names.map((name) => [name, join((o) => o.predictions[name])])),
    baselines: {
      majority: join((o) => o.baselines.majority),
      reverseLast: join((o) => o.baselines.reverseLast),
      followLast: join((o) => o.baselines.followLast),
      randomForest: join((o) => o.forest),
    },
    abstainSignals,
    shuffled: outcomes[0].shuffled.map((_, r) => join((o) => o.shuffled[r])),
    foldRanges,
  };
}

/** The scored part of a series over the pooled samples. */
export function scoredPart(pooled: PooledTest, series: ArrayLike<number>): Float32Array {
  return Float32Array.from(pooled.scoredAt, (k) => series[k]);
}

function concatenate(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
