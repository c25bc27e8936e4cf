import { describe, expect, it } from 'vitest';
import { BUY, HOLD, SELL } from '../labels/nextCandleDirection';
import { runBacktest } from './runBacktest';

describe('runBacktest', () => {
  // Four steps, 10 bp fee, no spread: c = 0.001 per unit of position change.
  //  t  signal  pos  prev  |Δpos|  r       gross    net = gross - |Δ| c
  //  0  BUY     +1    0     1      +0.01   +0.01    +0.009
  //  1  BUY     +1   +1     0      -0.02   -0.02    -0.020
  //  2  SELL    -1   +1     2      +0.005  -0.005   -0.007
  //  3  HOLD     0   -1     1       0       0       -0.001   (closing the short)
  // Σ|Δpos| = 4 -> turnover 4 / 4 = 1.
  const signals = [BUY, BUY, SELL, HOLD];
  const returns = [0.01, -0.02, 0.005, 0];
  const result = runBacktest(signals, returns, { feeBps: 10, spreadBps: 0 });

  it('compounds net step returns into the equity curve', () => {
    const expected = [1, 1.009, 1.009 * 0.98, 1.009 * 0.98 * 0.993, 1.009 * 0.98 * 0.993 * 0.999];
    expect(Array.from(result.stepReturns)).toEqual([0.009, -0.02, -0.007, -0.001].map((v) => expect.closeTo(v, 15)));
    expect(Array.from(result.equity)).toEqual(expected.map((v) => expect.closeTo(v, 15)));
    // 1.009 × 0.98 × 0.993 × 0.999 = 0.98091636174
    expect(result.totalReturn).toBeCloseTo(0.98091636174 - 1, 12);
  });

  it('measures drawdown from the running peak', () => {
    // Peak 1.009 after step 0, trough 0.98091636174 at the end: 1 - 0.98091636174 / 1.009.
    expect(result.maxDrawdown).toBeCloseTo(1 - 0.98091636174 / 1.009, 12);
  });

  it('counts trades, turnover and per-trade return', () => {
    // Trades: the long over steps 0-1 and the short at step 2.
    // long: 0.01 - 0.02 - 0.001 (entry) - 0.001 (exit) = -0.012; short: -0.005 - 0.001 - 0.001 = -0.007.
    expect(result.trades).toBe(2);
    expect(result.turnover).toBe(1);
    expect(result.meanTradeReturn).toBeCloseTo((-0.012 - 0.007) / 2, 15);
  });

  it('scores hits on traded steps only', () => {
    // Traded: t=0 long on +1% (hit), t=1 long on -2% (miss), t=2 short on +0.5% (miss).
    expect(result.tradedSteps).toBe(3);
    expect(result.hitRate).toBeCloseTo(1 / 3, 15);
    expect(result.meanAbsoluteMove).toBeCloseTo(0.035 / 3, 15);
  });

  it('derives the break-even hit rate from costs, turnover and mean move', () => {
    // h* = 1/2 + c U / (2 Σ|r|) = 0.5 + 0.001 × 4 / (2 × 0.035) = 0.5 + 0.0571428...
    expect(result.breakEvenAccuracy).toBeCloseTo(0.5 + 0.004 / 0.07, 12);
  });

  it('annualises the Sharpe ratio with sqrt(525600)', () => {
    // mean = -0.019 / 4 = -0.00475; deviations 0.01375, -0.01525, -0.00225, 0.00375;
    // squares sum 0.00044075; sample std = sqrt(0.00044075 / 3).
    expect(result.sharpe).toBeCloseTo((-0.00475 / Math.sqrt(0.00044075 / 3)) * Math.sqrt(525_600), 9);
  });

  it('charges half the spread: a 20 bp spread costs what a 10 bp fee does', () => {
    const spread = runBacktest(signals, returns, { feeBps: 0, spreadBps: 20 });
    expect(spread.costPerUnit).toBe(0.001);
    expect(spread.totalReturn).toBeCloseTo(result.totalReturn, 15);
  });

  it('closes the last position and charges the exit to the last step', () => {
    // Long both steps at +1%, 10 bp: entry at t=0 and exit after t=1 -> net 0.009 each.
    const held = runBacktest([BUY, BUY], [0.01, 0.01], { feeBps: 10, spreadBps: 0 });
    expect(Array.from(held.stepReturns)).toEqual([expect.closeTo(0.009, 15), expect.closeTo(0.009, 15)]);
    expect(held.turnover).toBe(1);
    expect(held.trades).toBe(1);
    expect(held.meanTradeReturn).toBeCloseTo(0.018, 15);
  });

  it('makes a short gain when the price falls', () => {
    const short = runBacktest([SELL], [-0.01], { feeBps: 0, spreadBps: 0 });
    expect(short.totalReturn).toBeCloseTo(0.01, 15);
    expect(short.hitRate).toBe(1);
  });

  it('treats a flat next candle as neither hit nor miss, but still pays the costs', () => {
    // BUY on a flat candle, then SELL on -1%: one judged step (a hit), one flat step.
    // net: 0 - 0.001 (entry) = -0.001; then +0.01 - 0.002 (reverse) - 0.001 (final exit) = 0.007.
    const flat = runBacktest([BUY, SELL], [0, -0.01], { feeBps: 10, spreadBps: 0 });
    expect(flat.flatSteps).toBe(1);
    expect(flat.hitRate).toBe(1);
    expect(Array.from(flat.stepReturns)).toEqual([expect.closeTo(-0.001, 15), expect.closeTo(0.007, 15)]);
    // Σ|r| over traded steps = 0.01, U = 4: h* = 0.5 + 0.004 / 0.02 = 0.7.
    expect(flat.breakEvenAccuracy).toBeCloseTo(0.7, 12);
  });

  it('leaves equity untouched when every step is HOLD', () => {
    const idle = runBacktest([HOLD, HOLD, HOLD], [0.01, -0.02, 0.03], { feeBps: 10, spreadBps: 2 });
    expect(Array.from(idle.equity)).toEqual([1, 1, 1, 1]);
    expect(idle).toMatchObject({ totalReturn: 0, trades: 0, turnover: 0, maxDrawdown: 0, hitRate: null, sharpe: null, meanTradeReturn: null, breakEvenAccuracy: null });
  });

  it('rejects mismatched lengths, unknown signals, impossible returns and negative costs', () => {
    expect(() => runBacktest([BUY], [0.01, 0.02], { feeBps: 0, spreadBps: 0 })).toThrow(/got 1 signals for 2 returns/);
    expect(() => runBacktest([3], [0.01], { feeBps: 0, spreadBps: 0 })).toThrow(/signal 0 is 3/);
    expect(() => runBacktest([BUY], [-1.5], { feeBps: 0, spreadBps: 0 })).toThrow(/return 0 is -1.5/);
    expect(() => runBacktest([BUY], [0.01], { feeBps: -1, spreadBps: 0 })).toThrow(/feeBps must be a finite number >= 0, got -1/);
  });
});
