import { INTERVAL_MS, type Candle, type Interval } from './Candle';
import { GapError } from './GapError';

/**
 * What to do with missing candles:
 * - `fail`: throw a GapError naming the first gap (the default: a gap is a data problem until you decide otherwise);
 * - `fill`: insert flat candles (open = high = low = close = the previous close, volume 0), which is what
 *   an exchange shows for a minute without trades; gaps longer than `maxFill` candles still fail;
 * - `segment`: split into contiguous segments; features and windows are computed per segment and
 *   never span a gap.
 */
export type GapPolicy = 'fail' | 'fill' | 'segment';

export interface GapOptions {
  policy: GapPolicy;
  /** Longest gap `fill` will fill, in candles. Default 60. */
  maxFill?: number;
}

/** One gap as found in the input. `row` is the 1-based row after the gap. */
export interface Gap {
  row: number;
  from: number;
  to: number;
  missing: number;
}

export interface GapResult {
  /** Contiguous runs of candles on the interval grid (one for `fail` and `fill`). */
  segments: Candle[][];
  gaps: Gap[];
  /** Number of candles that `fill` inserted. */
  filled: number;
}

/** Applies a gap policy to candles that already passed checkCandleSequence. Never reorders or drops candles. */
export function applyGapPolicy(candles: readonly Candle[], interval: Interval, options: GapOptions): GapResult {
  const step = INTERVAL_MS[interval];
  const maxFill = options.maxFill ?? 60;
  const gaps: Gap[] = [];
  const segments: Candle[][] = [];
  let current: Candle[] = [];
  let filled = 0;
  for (let i = 0; i < candles.length; i++) {
    const candle = candles[i];
    if (i > 0) {
      const previous = candles[i - 1];
      const missing = (candle.time - previous.time) / step - 1;
      if (missing > 0) {
        const gap = { row: i + 1, from: previous.time, to: candle.time, missing };
        gaps.push(gap);
        if (options.policy === 'fail') {
          throw new GapError(gap.row, missing, gap.from, gap.to, 'choose a gap policy: fill (flat candles) or segment');
        }
        if (options.policy === 'fill') {
          if (missing > maxFill) {
            throw new GapError(gap.row, missing, gap.from, gap.to, `longer than the fill limit of ${maxFill}; use the segment policy`);
          }
          for (let k = 1; k <= missing; k++) {
            const p = previous.close;
            current.push({ time: previous.time + k * step, open: p, high: p, low: p, close: p, volume: 0 });
          }
          filled += missing;
        } else {
          segments.push(current);
          current = [];
        }
      }
    }
    current.push(candle);
  }
  if (current.length > 0) segments.push(current);
  return { segments, gaps, filled };
}
