import { columnBars } from '../charts/columnBars';
import { horizontalBars } from '../charts/horizontalBars';
import { points } from '../format';
import type { Report } from '../Report';

/** Permutation feature importance per model and mean attention per window step. */
export function importanceSection(report: Report, colors: Map<string, string>): string {
  const models = Object.keys(report.featureImportance);
  const all = models.flatMap((model) => Object.values(report.featureImportance[model]));
  const domain: [number, number] = [Math.min(0, ...all), Math.max(1e-9, ...all)];
  const bars = models.map((model) => {
    const items = Object.entries(report.featureImportance[model])
      .map(([label, value]) => ({ label, value }))
      .sort((a, b) => b.value - a.value);
    return horizontalBars(items, { title: model, color: colors.get(model) ?? '#4269d0', format: (v) => points(v, 2), domain });
  });
  const attention = report.attention?.length
    ? `<h2>7. Attention over the window</h2><p>Mean attention weight per step of the ${report.attention.length}-candle window, oldest left, the candle the signal is for on the right.</p>` +
      `<figure>${columnBars(report.attention, {
        title: 'Mean attention per window step',
        color: colors.get('lstm-attention') ?? '#a463f2',
        xLabel: 'window step (t = the signal candle)',
        yLabel: 'mean attention weight',
        formatX: (i) => (i === report.attention!.length - 1 ? 't' : `t−${report.attention!.length - 1 - i}`),
        formatY: (v) => v.toFixed(3),
      })}</figure>`
    : '';
  return (
    (models.length
      ? `<section id="importance"><h2>6. Permutation feature importance</h2>` +
        `<p>Accuracy lost when one feature is shuffled across the test rows, in percentage points. Values within a few tenths of a point of zero are noise; grey bars mean shuffling helped.</p>` +
        `<div class="grid">${bars.join('')}</div></section>`
      : '') + (attention ? `<section id="attention">${attention}</section>` : '')
  );
}
