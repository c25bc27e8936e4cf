import { forestPlot, type ForestRow } from '../charts/forestPlot';
import { escapeHtml } from '../charts/svg';
import { bestBaseline } from '../bestBaseline';
import { BASELINE_NAMES, decimal, gainVerdict, percent, percentInterval, points, pointsInterval } from '../format';
import type { Report } from '../Report';
import { orderedModels } from './seriesColors';

const COLUMNS = 10;

/** The comparison table (every model beside every baseline) and the accuracy forest plot. */
export function comparisonSection(report: Report, colors: Map<string, string>): string {
  const best = bestBaseline(report.baselines);
  const swatch = (name: string) => `<span class="swatch" style="background:${colors.get(name)}"></span>`;
  const withCi = (value: string, ci: string) => `${value}<span class="ci">${ci}</span>`;
  const rows: string[] = [`<tr class="group"><td colspan="${COLUMNS}">Models</td></tr>`];
  for (const name of orderedModels(report)) {
    const m = report.models[name];
    const verdict = gainVerdict(m.gainOverBestBaseline.ci95);
    const f = m.folds.accuracy;
    rows.push(
      `<tr class="model${name === 'ensemble' ? ' ensemble' : ''}" data-row="${escapeHtml(name)}"><td>${swatch(name)}${escapeHtml(name)}</td>` +
        `<td>${withCi(percent(m.accuracy), percentInterval(m.accuracyCi95))}</td>` +
        `<td>${withCi(points(m.gainOverBestBaseline.value), pointsInterval(m.gainOverBestBaseline.ci95))}</td>` +
        `<td><span class="tag ${verdict}">${verdict}</span></td>` +
        `<td>${decimal(m.brier, 4)}</td><td>${decimal(m.ece, 4)}</td><td>${decimal(m.rocAuc, 3)}</td>` +
        `<td>${percent(m.precisionAtCoverage['0.1'])}</td><td>${percent(m.precisionAtCoverage['0.5'])}</td>` +
        `<td>${withCi(`${percent(f.mean)} ± ${(f.std * 100).toFixed(1)}`, `[${percent(f.min)}, ${percent(f.max)}]`)}</td></tr>`,
    );
  }
  rows.push(`<tr class="group"><td colspan="${COLUMNS}">Baselines</td></tr>`);
  for (const [name, b] of Object.entries(report.baselines)) {
    const isBest = name === best.name;
    const label = `${swatch(name)}${escapeHtml(BASELINE_NAMES[name] ?? name)}${isBest ? ' <span class="tag base">best baseline</span>' : ''}`;
    rows.push(
      b
        ? `<tr class="baseline${isBest ? ' best-baseline' : ''}" data-row="${escapeHtml(name)}"><td>${label}</td>` +
            `<td>${withCi(percent(b.accuracy), percentInterval(b.accuracyCi95))}</td>` +
            `<td>${isBest ? '0 pt' : points(b.accuracy - best.baseline.accuracy)}</td>` +
            `<td colspan="${COLUMNS - 3}" class="remark">${isBest ? 'the bar every model must clear' : ''}</td></tr>`
        : `<tr class="baseline" data-row="${escapeHtml(name)}"><td>${label}</td><td colspan="${COLUMNS - 1}" class="remark">not trained</td></tr>`,
    );
  }
  const head =
    '<tr><th>Strategy</th><th>Accuracy<span class="ci">95% CI</span></th><th>Gain vs best<span class="ci">95% CI</span></th><th>Verdict</th>' +
    '<th>Brier</th><th>ECE</th><th>ROC-AUC</th><th>P@10%</th><th>P@50%</th><th>Folds mean ± sd<span class="ci">[min, max]</span></th></tr>';
  const forestRows: ForestRow[] = [
    ...orderedModels(report).map((name) => ({ name, value: report.models[name].accuracy, interval: report.models[name].accuracyCi95, color: colors.get(name) as string })),
    ...Object.entries(report.baselines).flatMap(([name, b]) =>
      b ? [{ name: BASELINE_NAMES[name] ?? name, value: b.accuracy, interval: b.accuracyCi95, color: colors.get(name) as string, emphasis: name === best.name }] : [],
    ),
  ];
  const plot = forestPlot(forestRows, [{ x: 0.5, label: 'coin flip' }, { x: best.baseline.accuracy, label: 'best baseline' }], 'Test accuracy with 95% intervals, models and baselines');
  const samples = Object.values(report.models)[0]?.samples;
  return (
    `<section id="comparison"><h2>1. Models against baselines</h2>` +
    `<p>Accuracy on ${samples?.toLocaleString('en-US') ?? '–'} out-of-sample candles (walk-forward test blocks, pooled), Wilson 95% intervals underneath. ` +
    `The gain is each model's accuracy minus the best baseline's on the same candles, with a paired block-bootstrap 95% interval: ` +
    `<span class="tag noise">noise</span> means the interval contains zero. P@10% is the accuracy of the 10% most confident signals.</p>` +
    `<table class="comparison"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>` +
    `<figure>${plot}<figcaption>Dots: pooled test accuracy. Whiskers: Wilson 95% intervals, which assume independent candles and are therefore, if anything, too narrow.</figcaption></figure></section>`
  );
}
