import { bestBaseline } from './bestBaseline';
import { BASELINE_NAMES, decimal, gainVerdict, percent, percentInterval, points, pointsInterval } from './format';
import { orderedModels } from './html/seriesColors';
import type { Report } from './Report';

/**
 * The terminal summary: every model and baseline in aligned columns (accuracy, interval, gain over
 * the best baseline with its interval, Brier, ROC-AUC), the best baseline starred, and the leakage
 * warnings after the table.
 */
export function renderSummaryTable(report: Report): string {
  const best = bestBaseline(report.baselines);
  const header = ['', 'accuracy', '95% CI', 'gain vs best', '95% CI', 'verdict', 'brier', 'auc'];
  const rows: string[][] = orderedModels(report).map((name) => {
    const m = report.models[name];
    return [
      name,
      percent(m.accuracy),
      percentInterval(m.accuracyCi95),
      points(m.gainOverBestBaseline.value),
      pointsInterval(m.gainOverBestBaseline.ci95),
      gainVerdict(m.gainOverBestBaseline.ci95),
      decimal(m.brier, 4),
      decimal(m.rocAuc, 3),
    ];
  });
  const baselineRows: string[][] = Object.entries(report.baselines).map(([name, b]) => {
    const label = `${BASELINE_NAMES[name] ?? name}${name === best.name ? ' *' : ''}`;
    return b ? [label, percent(b.accuracy), percentInterval(b.accuracyCi95), '', '', '', '', ''] : [label, 'not trained', '', '', '', '', '', ''];
  });
  const all = [header, ...rows, ...baselineRows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...r[c]].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((s, w) => s + w, 0) + 2 * (widths.length - 1));
  const out = [line(header), rule, ...rows.map(line), rule, ...baselineRows.map(line), '* best baseline: the bar every model must clear'];
  for (const warning of report.leakage.warnings) out.push(`! ${warning}`);
  return out.join('\n');
}
