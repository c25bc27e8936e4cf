import type { BacktestResult } from '@candlecast/shared';
import { downsampleSeries } from './downsampleSeries';
import type { BacktestReport } from './Report';

/** The report entry for one backtest at one cost level, with the equity curve downsampled. */
export function summarizeBacktest(result: BacktestResult, costs: { feeBps: number; spreadBps: number; label?: string }): BacktestReport {
  return {
    label: costs.label ?? costLabel(costs.feeBps, costs.spreadBps),
    feeBps: costs.feeBps,
    spreadBps: costs.spreadBps,
    totalReturn: result.totalReturn,
    sharpe: result.sharpe,
    maxDrawdown: result.maxDrawdown,
    hitRate: result.hitRate,
    turnover: result.turnover,
    trades: result.trades,
    meanTradeReturn: result.meanTradeReturn,
    breakEvenAccuracy: result.breakEvenAccuracy,
    meanAbsoluteMove: result.meanAbsoluteMove,
    equity: downsampleSeries(result.equity, 500),
  };
}

/** "no costs", "10 bp fee", "10 bp fee + 2 bp spread". */
export function costLabel(feeBps: number, spreadBps: number): string {
  const parts = [feeBps > 0 ? `${feeBps} bp fee` : '', spreadBps > 0 ? `${spreadBps} bp spread` : ''].filter(Boolean);
  return parts.length ? parts.join(' + ') : 'no costs';
}
