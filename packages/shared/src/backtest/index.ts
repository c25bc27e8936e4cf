export { runBacktest, type BacktestCosts, type BacktestOptions, type BacktestResult } from './runBacktest';
export { nextCandleReturns } from './nextCandleReturns';
export { signalsFromProbabilities } from './signalsFromProbabilities';
export { breakEvenAccuracy } from './breakEvenAccuracy';
export { maxDrawdown } from './maxDrawdown';
export { sharpeRatio, MINUTES_PER_YEAR } from './sharpeRatio';
