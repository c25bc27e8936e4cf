import { CandlecastError, checkScored, logit, type Calibration, type CalibrationMethod } from '@candlecast/shared';
import { fitLogisticRegression } from '../ensemble/fitLogisticRegression';

/**
 * Fits a calibration map on held-out p(BUY) and 0/1 labels (validation data, never the rows the
 * model was trained on):
 * - `platt`: logistic regression of the label on logit(p) (slope and intercept);
 * - `temperature`: the same without intercept, slope = 1 / T; a model that is anti-informative on
 *   the data (slope <= 0) gets T = 1e6, which maps everything to ~0.5;
 * - `isotonic`: pool-adjacent-violators, stored as breakpoints (see fitIsotonic).
 */
export function fitCalibration(method: CalibrationMethod, pBuy: ArrayLike<number>, labels: ArrayLike<number>): Calibration {
  checkScored(pBuy, labels);
  switch (method) {
    case 'identity':
      return { method: 'identity' };
    case 'platt': {
      const fit = fitLogisticRegression([Array.from(pBuy, logit)], labels);
      return { method: 'platt', slope: fit.coefficients[0], intercept: fit.intercept };
    }
    case 'temperature': {
      const slope = fitLogisticRegression([Array.from(pBuy, logit)], labels, { intercept: false }).coefficients[0];
      return { method: 'temperature', temperature: slope > 1e-6 ? 1 / slope : 1e6 };
    }
    case 'isotonic':
      return fitIsotonic(pBuy, labels);
    default:
      throw new CandlecastError('invalid_option', `calibration method must be identity, platt, temperature or isotonic, got "${String(method)}"`);
  }
}

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function of p closest
 * (squared error) to the labels. Each pooled block becomes one breakpoint (or two, at its lowest
 * and highest p), and the map interpolates linearly between blocks.
 */
export function fitIsotonic(pBuy: ArrayLike<number>, labels: ArrayLike<number>): Calibration {
  const order = Array.from({ length: pBuy.length }, (_, i) => i).sort((a, b) => pBuy[a] - pBuy[b]);
  // Blocks as parallel stacks: label sum, count, lowest and highest p. Equal p values start pooled.
  const sum: number[] = [];
  const count: number[] = [];
  const low: number[] = [];
  const high: number[] = [];
  for (const i of order) {
    const p = pBuy[i];
    if (high.length > 0 && high[high.length - 1] === p) {
      sum[sum.length - 1] += labels[i];
      count[count.length - 1]++;
    } else {
      sum.push(labels[i]);
      count.push(1);
      low.push(p);
      high.push(p);
    }
    while (sum.length > 1 && sum[sum.length - 2] / count[count.length - 2] >= sum[sum.length - 1] / count[count.length - 1]) {
      const s = sum.pop()!;
      const c = count.pop()!;
      high[high.length - 2] = high.pop()!;
      low.pop();
      sum[sum.length - 1] += s;
      count[count.length - 1] += c;
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  for (let b = 0; b < sum.length; b++) {
    const mean = sum[b] / count[b];
    x.push(low[b]);
    y.push(mean);
    if (high[b] > low[b]) {
      x.push(high[b]);
      y.push(mean);
    }
  }
  return { method: 'isotonic', x, y };
}
