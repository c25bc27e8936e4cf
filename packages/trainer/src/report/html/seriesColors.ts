import { BASELINE_GREYS, PALETTE } from '../charts/svg';
import type { Report } from '../Report';

/** One colour per model and baseline, stable across every chart of a report. */
export function seriesColors(report: Report): Map<string, string> {
  const colors = new Map<string, string>();
  let next = 0;
  for (const name of orderedModels(report)) colors.set(name, name === 'ensemble' ? '#1d1d1f' : PALETTE[next++ % PALETTE.length]);
  Object.keys(report.baselines).forEach((name, i) => colors.set(name, BASELINE_GREYS[i % BASELINE_GREYS.length]));
  return colors;
}

/** Model names with the ensemble first: it is what gets served. */
export function orderedModels(report: Report): string[] {
  const names = Object.keys(report.models);
  return names.includes('ensemble') ? ['ensemble', ...names.filter((n) => n !== 'ensemble')] : names;
}
