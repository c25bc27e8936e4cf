import { confusionHeatmap } from '../charts/confusionHeatmap';
import { lineChart } from '../charts/lineChart';
import { reliabilityDiagram } from '../charts/reliabilityDiagram';
import { bestBaseline } from '../bestBaseline';
import { BASELINE_NAMES, percent } from '../format';
import type { Report } from '../Report';
import { orderedModels } from './seriesColors';

/** Reliability diagrams, confusion matrices and coverage-precision curves. */
export function calibrationSection(report: Report, colors: Map<string, string>): string {
  const names = orderedModels(report);
  const color = (name: string) => colors.get(name) as string;
  const reliability = names.map((n) => reliabilityDiagram(report.models[n].reliability, n, color(n))).join('');
  const confusion = names.map((n) => confusionHeatmap(report.models[n].confusion, n)).join('');
  const best = bestBaseline(report.baselines);
  const coverage = lineChart(
    names.map((n) => ({ name: n, color: color(n), width: n === 'ensemble' ? 2.6 : 1.8, points: report.models[n].coverageCurve.map((p) => [p.coverage, p.precision] as const) })),
    {
      title: 'Coverage-precision curves',
      xLabel: 'coverage: share of candles acted on, most confident first',
      yLabel: 'accuracy of the signals taken',
      formatX: (v) => percent(v, 0),
      formatY: (v) => percent(v, 0),
      xDomain: [0, 1],
      references: [
        { y: best.baseline.accuracy, label: `${BASELINE_NAMES[best.name] ?? best.name}, ${percent(best.baseline.accuracy)}` },
        { y: 0.5, label: 'coin flip' },
      ],
    },
  );
  return (
    `<section id="calibration"><h2>2. Calibration</h2>` +
    `<p>A calibrated model's stated 55% happens 55% of the time: points on the diagonal. Bars underneath show where its predictions fall.</p>` +
    `<div class="grid">${reliability}</div>` +
    `<h2>3. Confusion matrices</h2><p>Rows are what happened, columns what the model called; percentages are shares of each row.</p>` +
    `<div class="grid">${confusion}</div>` +
    `<h2>4. Selective prediction</h2>` +
    `<p>If confidence means something, acting only on the most confident signals raises accuracy (the curve rises to the left). A flat curve means the model's confidence is noise.</p>` +
    `<figure>${coverage}</figure></section>`
  );
}
