import { CandlecastError } from '../errors/CandlecastError';
import { BUY, HOLD, SELL } from '../labels/nextCandleDirection';
import { breakEvenAccuracy } from './breakEvenAccuracy';
import { maxDrawdown } from './maxDrawdown';
import { MINUTES_PER_YEAR, sharpeRatio } from './sharpeRatio';

/** Trading costs in basis points (1 bp = 0.01%). */
export interface BacktestCosts {
  /** Exchange fee per unit of notional traded, bp (e.g. 10 for a 0.1% taker fee). */
  feeBps: number;
  /** Full quoted bid-ask spread, bp; crossing it costs half the spread against the mid. */
  spreadBps: number;
}

export interface BacktestOptions extends BacktestCosts {
  /** Steps per year for the Sharpe ratio. Default 525,600 (one-minute candles, 24/7). */
  periodsPerYear?: number;
}

export interface BacktestResult {
  /** Compounded equity, starting at 1 before the first step: length steps + 1. */
  equity: Float64Array;
  /** Net return of each step after costs (a fraction of the equity at the step's start). */
  stepReturns: Float64Array;
  /** equity[last] - 1. */
  totalReturn: number;
  /** Annualised Sharpe of stepReturns (see sharpeRatio); null when undefined. */
  sharpe: number | null;
  /** Largest peak-to-trough fall of equity, a positive fraction. */
  maxDrawdown: number;
  /** Mean |Δposition| per step, final exit included: 0 = never trades, 2 = reverses every step. */
  turnover: number;
  /** Trades: maximal runs of steps holding the same non-flat position. */
  trades: number;
  /** Mean additive net return per trade (gross over its steps minus entry and exit costs); null without trades. */
  meanTradeReturn: number | null;
  /** Share of non-HOLD steps with a non-flat next candle whose direction was right; null if none. */
  hitRate: number | null;
  /** Non-HOLD steps. */
  tradedSteps: number;
  /** Non-HOLD steps whose next candle was flat (neither hit nor miss, like a dropped label). */
  flatSteps: number;
  /** Mean |next-candle return| over the traded steps, a fraction; null if none. */
  meanAbsoluteMove: number | null;
  /** The hit rate at which expected return after these costs is zero (see breakEvenAccuracy); may exceed 1. */
  breakEvenAccuracy: number | null;
  /** Cost of one unit of position change, a fraction: (feeBps + spreadBps / 2) / 10,000. */
  costPerUnit: number;
}

/**
 * Replays per-candle signals against realised next-candle returns, one step per signal.
 *
 * - Position at step t: BUY -> +1 (long), SELL -> -1 (short), HOLD -> 0 (flat), taken at close[t]
 *   and held to close[t + 1]; the gross step return is position × returns[t].
 * - Costs: every change of position is charged |Δposition| × c with c = (fee + spread/2) / 10,000,
 *   at the step where the new position is taken. Entering or leaving costs c, reversing long to
 *   short costs 2c. The book starts flat and is closed after the last step, that exit charged to
 *   the last step, so every trade pays both its entry and its exit.
 * - Equity compounds the net step returns from 1.
 *
 * Steps are taken as consecutive: where samples are missing (dropped flat candles, gaps), the
 * position simply carries over. `signals` hold BUY (1), SELL (0) or HOLD (2).
 */
export function runBacktest(signals: ArrayLike<number>, returns: ArrayLike<number>, options: BacktestOptions): BacktestResult {
  checkInputs(signals, returns, options);
  const n = signals.length;
  const c = (options.feeBps + options.spreadBps / 2) / 10_000;
  const equity = new Float64Array(n + 1);
  const stepReturns = new Float64Array(n);
  equity[0] = 1;
  let previous = 0;
  let positionChange = 0;
  let trades = 0;
  let tradeReturnSum = 0;
  let tradedSteps = 0;
  let flatSteps = 0;
  let hits = 0;
  let tradedAbsoluteMove = 0;
  for (let t = 0; t < n; t++) {
    const position = signals[t] === BUY ? 1 : signals[t] === SELL ? -1 : 0;
    const exit = t === n - 1 ? Math.abs(position) : 0;
    const change = Math.abs(position - previous) + exit;
    const gross = position * returns[t];
    stepReturns[t] = gross - change * c;
    equity[t + 1] = equity[t] * (1 + stepReturns[t]);
    positionChange += change;
    // Trade P&L is additive: gross of its steps minus c for its entry and c for its exit.
    tradeReturnSum += stepReturns[t];
    if (position !== 0 && position !== previous) trades++;
    if (position !== 0) {
      tradedSteps++;
      tradedAbsoluteMove += Math.abs(returns[t]);
      if (returns[t] === 0) flatSteps++;
      else if (gross > 0) hits++;
    }
    previous = position;
  }
  const judged = tradedSteps - flatSteps;
  return {
    equity,
    stepReturns,
    totalReturn: equity[n] - 1,
    sharpe: sharpeRatio(stepReturns, options.periodsPerYear ?? MINUTES_PER_YEAR),
    maxDrawdown: maxDrawdown(equity),
    turnover: positionChange / n,
    trades,
    meanTradeReturn: trades > 0 ? tradeReturnSum / trades : null,
    hitRate: judged > 0 ? hits / judged : null,
    tradedSteps,
    flatSteps,
    meanAbsoluteMove: tradedSteps > 0 ? tradedAbsoluteMove / tradedSteps : null,
    breakEvenAccuracy: breakEvenAccuracy(c, positionChange, tradedAbsoluteMove),
    costPerUnit: c,
  };
}

function checkInputs(signals: ArrayLike<number>, returns: ArrayLike<number>, options: BacktestOptions): void {
  const fail = (message: string) => new CandlecastError('invalid_backtest_input', message);
  if (signals.length !== returns.length) throw fail(`got ${signals.length} signals for ${returns.length} returns`);
  if (signals.length === 0) throw fail('no steps to backtest');
  for (const [name, value] of [
    ['feeBps', options.feeBps],
    ['spreadBps', options.spreadBps],
  ] as const) {
    if (!(value >= 0 && Number.isFinite(value))) throw fail(`${name} must be a finite number >= 0, got ${value}`);
  }
  for (let t = 0; t < signals.length; t++) {
    if (signals[t] !== BUY && signals[t] !== SELL && signals[t] !== HOLD) throw fail(`signal ${t} is ${signals[t]}, not BUY (1), SELL (0) or HOLD (2)`);
    if (!(returns[t] > -1 && Number.isFinite(returns[t]))) throw fail(`return ${t} is ${returns[t]}, not a finite fraction > -1`);
  }
}
