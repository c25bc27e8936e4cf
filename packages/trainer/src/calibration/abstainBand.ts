import { CandlecastError, checkScored, type AbstainBand } from '@candlecast/shared';

/** One point of the coverage-vs-precision curve. */
export interface CoveragePoint {
  /** Half-width of the HOLD band around 0.5. */
  margin: number;
  /** Samples signalled (p outside the band). */
  signals: number;
  /** signals / all samples. */
  coverage: number;
  /** Share of signals whose direction was right (NaN with no signals). */
  precision: number;
}

/**
 * The coverage-vs-precision curve of calibrated p(BUY): for every distinct margin (0 and each
 * |p - 0.5|), how many samples a band of that half-width lets through and how often their
 * direction is right. Ascending margin, so coverage falls along the curve.
 */
export function coveragePrecisionCurve(pBuy: ArrayLike<number>, labels: ArrayLike<number>): CoveragePoint[] {
  checkScored(pBuy, labels);
  const n = labels.length;
  const distance = Array.from(pBuy, (p) => Math.abs(p - 0.5));
  const order = distance.map((_, i) => i).sort((a, b) => distance[b] - distance[a]);
  const points: CoveragePoint[] = [];
  const point = (margin: number, signals: number, correct: number) => ({ margin, signals, coverage: signals / n, precision: signals ? correct / signals : Number.NaN });
  let signals = 0;
  let correct = 0;
  // From the most confident sample down: a band of margin v signals exactly the samples farther
  // than v, i.e. those counted before the group at distance v. p = 0.5 (distance 0) never signals.
  for (let k = 0; k < n; ) {
    const v = distance[order[k]];
    points.push(point(v, signals, correct));
    for (; k < n && distance[order[k]] === v; k++) {
      if (v === 0) continue;
      signals++;
      correct += (pBuy[order[k]] > 0.5 ? 1 : 0) === labels[order[k]] ? 1 : 0;
    }
  }
  if (points[points.length - 1].margin !== 0) points.push(point(0, signals, correct));
  return points.reverse();
}

export type AbstainTarget = { kind: 'precision' | 'coverage'; value: number };

/**
 * Chooses the HOLD band on validation data:
 * - `coverage`: the widest band that still signals at least `value` of the samples;
 * - `precision`: the narrowest band whose signals are right at least `value` of the time, over at
 *   least `minSignals` signals. When no band reaches it, the band with the best precision (over
 *   `minSignals`) is returned; its `precision` then shows the target was missed.
 */
export function chooseAbstainBand(pBuy: ArrayLike<number>, labels: ArrayLike<number>, target: AbstainTarget, minSignals = 30): AbstainBand {
  if (!(target.value > 0 && target.value <= 1)) throw new CandlecastError('invalid_option', `abstain target ${target.kind} must be in (0, 1], got ${target.value}`);
  const curve = coveragePrecisionCurve(pBuy, labels);
  const band = (point: CoveragePoint): AbstainBand => ({ margin: Math.min(point.margin, 0.5), target, coverage: point.coverage, precision: point.precision });
  if (target.kind === 'coverage') {
    const widest = [...curve].reverse().find((point) => point.coverage >= target.value);
    return band(widest ?? curve[0]);
  }
  const eligible = curve.filter((point) => point.signals >= Math.min(minSignals, labels.length));
  const reached = eligible.find((point) => point.precision >= target.value);
  if (reached) return band(reached);
  const best = eligible.reduce((a, b) => (b.precision > a.precision ? b : a), eligible[0] ?? curve[0]);
  return band(best);
}
