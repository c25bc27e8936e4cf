import { escapeHtml } from './charts/svg';
import { bestBaseline } from './bestBaseline';
import { BASELINE_NAMES, gainVerdict, percent, percentInterval, points, pointsInterval, signedPercent, utcMinute } from './format';
import { backtestSection } from './html/backtestSection';
import { calibrationSection } from './html/calibrationSection';
import { comparisonSection } from './html/comparisonSection';
import { importanceSection } from './html/importanceSection';
import { leakageSection } from './html/leakageSection';
import { seriesColors } from './html/seriesColors';
import { REPORT_CSS } from './html/styles';
import type { Report } from './Report';

/**
 * report.json as one self-contained HTML page, written like a research note: the verdict first,
 * then the leakage canaries, the comparison with baselines, calibration, selective prediction,
 * the cost-aware backtest and what the models look at. Charts are inline SVG built here; the page
 * loads nothing (no scripts, fonts, images or links to the network).
 */
export function renderReportHtml(report: Report): string {
  const colors = seriesColors(report);
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>candlecast evaluation, ${escapeHtml(report.data.from.slice(0, 10))} to ${escapeHtml(report.data.to.slice(0, 10))}</title>`,
    `<style>${REPORT_CSS}</style></head><body><main>`,
    header(report),
    lede(report),
    leakageSection(report),
    comparisonSection(report, colors),
    calibrationSection(report, colors),
    backtestSection(report, colors),
    importanceSection(report, colors),
    appendix(report),
    '</main></body></html>',
  ].join('\n');
}

function header(report: Report): string {
  const { data } = report;
  return (
    `<header><h1>candlecast evaluation report</h1><div class="meta">` +
    `<span>${escapeHtml(data.source ?? 'candles')}</span>` +
    `<span>${data.candles.toLocaleString('en-US')} candles, ${escapeHtml(utcMinute(data.from))} → ${escapeHtml(utcMinute(data.to))}</span>` +
    `<span title="sha256 ${escapeHtml(data.hash)}">sha256 <code>${escapeHtml(data.hash.slice(0, 16))}…</code></span>` +
    `<span>${report.folds.length} walk-forward folds</span>` +
    `<span>created ${escapeHtml(utcMinute(report.createdAt))} in ${formatDuration(report.wallSeconds)}</span></div></header>`
  );
}

/** The verdict in three sentences: the level, the gain over the bar, and whether costs eat it. */
function lede(report: Report): string {
  const names = Object.keys(report.models);
  if (names.length === 0) return '';
  const focus = report.models.ensemble ? 'ensemble' : names.reduce((a, b) => (report.models[b].accuracy > report.models[a].accuracy ? b : a));
  const m = report.models[focus];
  const best = bestBaseline(report.baselines);
  const verdict = gainVerdict(m.gainOverBestBaseline.ci95);
  const verdictText = {
    noise: 'the interval contains zero, so the gain is indistinguishable from noise.',
    better: 'the interval excludes zero.',
    worse: 'the model is worse than the baseline.',
  }[verdict];
  const sentences = [
    `The <strong>${escapeHtml(focus)}</strong> called the direction of the next one-minute candle right ${percent(m.accuracy)} of the time ${percentInterval(m.accuracyCi95)} on ${m.samples.toLocaleString('en-US')} out-of-sample candles.`,
    `The best baseline, ${escapeHtml(BASELINE_NAMES[best.name] ?? best.name)}, scores ${percent(best.baseline.accuracy)}: a gain of <strong>${points(m.gainOverBestBaseline.value)}</strong> ${pointsInterval(m.gainOverBestBaseline.ci95)}; ${verdictText}`,
  ];
  const costly = report.backtest[focus]?.at(-1);
  if (costly && costly.hitRate !== null && costly.breakEvenAccuracy !== null) {
    const clears = costly.hitRate >= costly.breakEvenAccuracy;
    const breakEven = costly.breakEvenAccuracy > 1 ? 'out of reach (above 100%)' : percent(costly.breakEvenAccuracy);
    sentences.push(
      `With ${escapeHtml(costly.label)}, its trading hit rate of ${percent(costly.hitRate)} ${clears ? 'clears' : 'falls short of'} the break-even accuracy, ${breakEven}; total return ${signedPercent(costly.totalReturn)}.`,
    );
  }
  if (report.leakage.suspicious) sentences.push(`<strong>The leakage canaries raised ${report.leakage.warnings.length} warning(s); see below.</strong>`);
  return `<p class="lede">${sentences.join(' ')}</p>`;
}

function appendix(report: Report): string {
  const folds = report.folds
    .map((f) => `<tr><td>${f.index + 1}</td><td>${f.trainSamples.toLocaleString('en-US')}</td><td>${f.testSamples.toLocaleString('en-US')}</td><td>${escapeHtml(utcMinute(f.testFrom))}</td><td>${escapeHtml(utcMinute(f.testTo))}</td></tr>`)
    .join('');
  return (
    `<section id="appendix"><h2>Appendix: folds, data and configuration</h2>` +
    `<table><thead><tr><th>Fold</th><th>Train samples</th><th>Test samples</th><th>Test from</th><th>Test to</th></tr></thead><tbody>${folds}</tbody></table>` +
    `<p class="note">Data sha256: <code>${escapeHtml(report.data.hash)}</code></p>` +
    `<details><summary>Configuration</summary><pre>${escapeHtml(JSON.stringify(report.config, null, 2))}</pre></details></section>`
  );
}

function formatDuration(seconds: number): string {
  if (seconds < 90) return `${seconds.toFixed(0)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}
