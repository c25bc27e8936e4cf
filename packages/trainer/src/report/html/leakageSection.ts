import { escapeHtml } from '../charts/svg';
import { BASELINE_NAMES, percent } from '../format';
import type { Report } from '../Report';

/** The canaries, with every warning in a box nobody scrolls past. */
export function leakageSection(report: Report): string {
  const { leakage } = report;
  const majority = report.baselines.majority.accuracy;
  const box = leakage.warnings.length
    ? `<div class="box alarm" role="alert"><h3>⚠ ${leakage.warnings.length === 1 ? 'One leakage warning' : `${leakage.warnings.length} leakage warnings`}: do not trust the accuracies below until this is explained</h3>` +
      `<ul>${leakage.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>`
    : `<div class="box ok"><strong>All leakage canaries passed.</strong> The numbers below are not explained by the leaks these canaries detect; that is necessary, not sufficient.</div>`;
  const status = (ok: boolean) => `<span class="${ok ? 'pass' : 'fail'}">${ok ? 'pass' : 'FAIL'}</span>`;
  const failures = leakage.lookAheadFailures ?? [];
  const rows = [
    [
      'Model trained on shuffled labels',
      percent(leakage.shuffledLabelAccuracy),
      `≈ ${BASELINE_NAMES.majority} rate, ${percent(majority)}`,
      leakage.shuffledLabelAccuracy === null ? '–' : '',
    ],
    ['Planted next-candle return flagged by the look-ahead check', leakage.leakedFeature.detectedByLookAheadCheck ? 'flagged' : 'missed', 'flagged', status(leakage.leakedFeature.detectedByLookAheadCheck)],
    ['Model fed the planted next-candle return (positive control)', percent(leakage.leakedFeature.accuracy), 'near 100%', ''],
    ['Real features that change when the future changes', failures.length ? escapeHtml(failures.join(', ')) : 'none', 'none', status(failures.length === 0)],
  ];
  return (
    `<section id="leakage"><h2>Leakage canaries</h2>` +
    `<p>On one-minute candles, next-candle accuracy much above the baselines is far more often a bug than an edge. These checks run with every evaluation.</p>` +
    box +
    `<table class="canaries"><thead><tr><th>Canary</th><th>Result</th><th>Expected</th><th></th></tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
    `</tbody></table></section>`
  );
}
