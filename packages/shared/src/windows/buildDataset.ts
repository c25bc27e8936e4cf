import { applyGapPolicy, type GapPolicy } from '../candles/applyGapPolicy';
import { INTERVAL_MS, type Candle, type Interval } from '../candles/Candle';
import { CandlecastError } from '../errors/CandlecastError';
import { computeFeatures } from '../features/computeFeatures';
import type { FeatureSpec } from '../features/FeatureSpec';
import { labelCandles, NO_LABEL, type FlatPolicy } from '../labels/nextCandleDirection';
import { minimumCandles } from './minimumCandles';
import { NotEnoughCandlesError } from './NotEnoughCandlesError';

export interface DatasetOptions {
  spec: FeatureSpec;
  /** Candles per window (30-120; default 60). */
  windowLength?: number;
  interval?: Interval;
  gapPolicy?: GapPolicy;
  flatPolicy?: FlatPolicy;
  /**
   * Keep the last candle of each segment as a sample with NO_LABEL (its next candle is not known
   * yet): that is how a live signal is asked for. Default false.
   */
  keepUnlabelledLast?: boolean;
}

/**
 * Candles turned into model-ready samples without copying windows: `features` holds every feature
 * row once (row-major `[rows, featureCount]`), and sample i is the window of `windowLength` rows
 * ending at row `ends[i]`. Rows are candles in time order after the gap policy (segments are
 * concatenated; no window spans two segments). materializeWindows copies samples out as
 * `[samples, windowLength, featureCount]` when a model needs a dense tensor.
 */
export interface Dataset {
  spec: FeatureSpec;
  windowLength: number;
  featureCount: number;
  /** Feature rows, not yet normalised. */
  features: Float32Array;
  rows: number;
  /** Close time of the candle behind each row, epoch ms (open time + interval). */
  rowTimes: Float64Array;
  /** The candles behind the rows (filled candles included), for baselines and backtests. */
  candles: Candle[];
  /** Per sample: the row its window ends at (the candle the signal is for). */
  ends: Int32Array;
  /** Per sample: BUY (1) or SELL (0), or HOLD (2) under the hold policy; NO_LABEL (-1) for an unlabelled tail. */
  labels: Int8Array;
  /** Candles inserted by the fill policy, and gaps found. */
  filled: number;
  gaps: number;
}

/**
 * Runs the shared pipeline from validated candles to windows: gap policy, causal features per
 * segment, next-candle labels, and the list of complete windows. Samples whose label is dropped by
 * the flat policy are left out; the count of kept samples is `ends.length`.
 */
export function buildDataset(candles: readonly Candle[], options: DatasetOptions): Dataset {
  const { spec } = options;
  const windowLength = options.windowLength ?? 60;
  if (!Number.isInteger(windowLength) || windowLength < 1) {
    throw new CandlecastError('invalid_window_length', `windowLength must be a positive integer, got ${windowLength}`);
  }
  const interval = options.interval ?? '1m';
  const { segments, filled, gaps } = applyGapPolicy(candles, interval, { policy: options.gapPolicy ?? 'fail' });
  const required = minimumCandles(spec, windowLength);
  const longest = Math.max(...segments.map((s) => s.length));
  if (longest < required) throw new NotEnoughCandlesError(required, longest);

  const featureCount = spec.names.length;
  const rows = segments.reduce((sum, s) => sum + s.length, 0);
  const features = new Float32Array(rows * featureCount);
  const rowTimes = new Float64Array(rows);
  const allCandles: Candle[] = [];
  const ends: number[] = [];
  const labels: number[] = [];
  const step = INTERVAL_MS[interval];
  let rowOffset = 0;
  for (const segment of segments) {
    const matrix = computeFeatures(segment, spec);
    features.set(matrix.values, rowOffset * featureCount);
    const segmentLabels = labelCandles(segment, options.flatPolicy ?? 'drop');
    for (let i = 0; i < segment.length; i++) {
      rowTimes[rowOffset + i] = segment[i].time + step;
      allCandles.push(segment[i]);
      // Windows start once every feature has its full warm-up (including the memory of exponential
      // averages), so each value equals what the edge computes from a tail of minCandles candles.
      if (i < Math.max(matrix.firstCompleteRow, spec.warmUp - 1) + windowLength - 1) continue;
      assertFiniteRow(matrix.values, i, featureCount, spec, segment[i]);
      const label = segmentLabels[i];
      if (label === NO_LABEL && !(options.keepUnlabelledLast && i === segment.length - 1)) continue;
      ends.push(rowOffset + i);
      labels.push(label);
    }
    rowOffset += segment.length;
  }
  return {
    spec,
    windowLength,
    featureCount,
    features,
    rows,
    rowTimes,
    candles: allCandles,
    ends: Int32Array.from(ends),
    labels: Int8Array.from(labels),
    filled,
    gaps: gaps.length,
  };
}

function assertFiniteRow(values: Float32Array, row: number, featureCount: number, spec: FeatureSpec, candle: Candle): void {
  for (let f = 0; f < featureCount; f++) {
    if (!Number.isFinite(values[row * featureCount + f])) {
      throw new CandlecastError(
        'non_finite_feature',
        `feature "${spec.names[f]}" is not finite at candle ${new Date(candle.time).toISOString()}; check that candle's prices and volume`,
      );
    }
  }
}
