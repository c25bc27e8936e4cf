import { lineChart } from '../charts/lineChart';
import { escapeHtml } from '../charts/svg';
import { BASELINE_NAMES, decimal, percent, signedPercent } from '../format';
import type { BacktestReport, Report } from '../Report';
import { orderedModels } from './seriesColors';

/** One table and one equity chart per cost level, every strategy in each. */
export function backtestSection(report: Report, colors: Map<string, string>): string {
  // Models in table order (ensemble first), then baselines.
  const models = orderedModels(report).filter((s) => s in report.backtest);
  const strategies = [...models, ...Object.keys(report.backtest).filter((s) => !models.includes(s))];
  if (strategies.length === 0) return '';
  const levels = [...new Map(strategies.flatMap((s) => report.backtest[s]).map((b) => [b.label, b])).values()];
  const name = (s: string) => BASELINE_NAMES[s] ?? s;
  const blocks = levels.map((level) => {
    const entries = strategies.flatMap((s) => {
      const entry = report.backtest[s].find((b) => b.label === level.label);
      return entry ? [[s, entry] as [string, BacktestReport]] : [];
    });
    const rows = entries
      .map(([s, b]) => {
        const reach = b.hitRate !== null && b.breakEvenAccuracy !== null ? (b.hitRate >= b.breakEvenAccuracy ? 'pass' : 'fail') : '';
        return (
          `<tr><td><span class="swatch" style="background:${colors.get(s) ?? '#999'}"></span>${escapeHtml(name(s))}</td>` +
          `<td>${signedPercent(b.totalReturn)}</td><td>${decimal(b.sharpe, 2)}</td><td>${percent(b.maxDrawdown)}</td>` +
          `<td class="${reach}">${percent(b.hitRate)}</td><td>${b.breakEvenAccuracy !== null && b.breakEvenAccuracy > 1 ? 'unreachable' : percent(b.breakEvenAccuracy)}</td>` +
          `<td>${bp(b.meanAbsoluteMove)}</td><td>${decimal(b.turnover, 2)}</td><td>${b.trades.toLocaleString('en-US')}</td><td>${bp(b.meanTradeReturn)}</td></tr>`
        );
      })
      .join('');
    const chart = lineChart(
      entries.map(([s, b]) => ({
        name: name(s),
        color: colors.get(s) ?? '#999',
        dashed: s in report.baselines,
        width: s === 'ensemble' ? 2.6 : 1.6,
        points: b.equity.map((v, i) => [i / Math.max(1, b.equity.length - 1), v] as const),
      })),
      {
        title: `Equity curves, ${level.label}`,
        xLabel: 'share of the test period',
        yLabel: 'equity (start = 1)',
        formatX: (v) => percent(v, 0),
        formatY: (v) => v.toFixed(2),
        xDomain: [0, 1],
        references: [{ y: 1 }],
      },
    );
    return (
      `<h3>${escapeHtml(level.label)}</h3>` +
      `<table class="backtest"><thead><tr><th>Strategy</th><th>Total return</th><th>Sharpe</th><th>Max drawdown</th><th>Hit rate</th><th>Break-even</th><th>Mean move</th><th>Turnover</th><th>Trades</th><th>Per trade</th></tr></thead>` +
      `<tbody>${rows}</tbody></table><figure>${chart}</figure>`
    );
  });
  return (
    `<section id="backtest"><h2>5. Cost-aware backtest</h2>` +
    `<p>BUY goes long, SELL short, HOLD flat, one candle at a time. Every change of position pays the fee plus half the spread per unit traded. ` +
    `Break-even is the hit rate at which the expected return after these costs is zero, given the mean move on the traded candles and how often the position changes (turnover: position change per candle, 2 = reversing every minute); ` +
    `a hit rate in green clears it. Sharpe is annualised with √525,600 (one-minute candles, 24/7).</p>` +
    blocks.join('') +
    `</section>`
  );
}

function bp(fraction: number | null): string {
  return fraction === null ? '–' : `${decimal(fraction * 10_000, 2)} bp`;
}
