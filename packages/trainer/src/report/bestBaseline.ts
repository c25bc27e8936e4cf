import type { BaselineReport, Report } from './Report';

/** The most accurate baseline of a report (ties go to the first in majority, reverseLast, followLast, randomForest). */
export function bestBaseline(baselines: Report['baselines']): { name: string; baseline: BaselineReport } {
  let best: { name: string; baseline: BaselineReport } | null = null;
  for (const [name, baseline] of Object.entries(baselines)) {
    if (baseline && (!best || baseline.accuracy > best.baseline.accuracy)) best = { name, baseline };
  }
  // majority is always present, so best is never null here.
  return best as { name: string; baseline: BaselineReport };
}
