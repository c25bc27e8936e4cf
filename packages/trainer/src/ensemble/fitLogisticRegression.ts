import { CandlecastError, sigmoid } from '@candlecast/shared';

export interface LogisticRegressionFit {
  coefficients: number[];
  intercept: number;
  iterations: number;
}

export interface LogisticRegressionOptions {
  /** L2 penalty on the coefficients (not the intercept), in units of summed log loss. Default 1e-6. */
  l2?: number;
  /** Fit an intercept (default true). */
  intercept?: boolean;
  maxIterations?: number;
}

/**
 * Logistic regression by Newton's method (IRLS) for a handful of features: `columns[k][i]` is
 * feature k of sample i, labels are 0/1. Deterministic, converges in a few iterations, and the L2
 * term keeps it finite on separable data.
 */
export function fitLogisticRegression(columns: readonly ArrayLike<number>[], labels: ArrayLike<number>, options: LogisticRegressionOptions = {}): LogisticRegressionFit {
  const n = labels.length;
  const d = columns.length;
  const withIntercept = options.intercept ?? true;
  const l2 = options.l2 ?? 1e-6;
  const size = d + (withIntercept ? 1 : 0);
  if (n === 0 || size === 0) throw new CandlecastError('empty_training_set', `logistic regression needs samples and features, got ${n} x ${d}`);
  for (const column of columns) if (column.length !== n) throw new CandlecastError('invalid_metric_input', `a feature column has ${column.length} values for ${n} labels`);
  const beta = new Float64Array(size);
  const feature = (k: number, i: number) => (k < d ? columns[k][i] : 1);
  let iterations = 0;
  for (; iterations < (options.maxIterations ?? 50); iterations++) {
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(size * size);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let k = 0; k < size; k++) z += beta[k] * feature(k, i);
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < size; a++) {
        const xa = feature(a, i);
        gradient[a] += (p - labels[i]) * xa;
        for (let b = 0; b <= a; b++) hessian[a * size + b] += w * xa * feature(b, i);
      }
    }
    for (let a = 0; a < size; a++) {
      for (let b = 0; b < a; b++) hessian[b * size + a] = hessian[a * size + b];
      if (a < d) {
        gradient[a] += l2 * beta[a];
        hessian[a * size + a] += l2;
      }
    }
    const step = solve(hessian, gradient, size);
    let largest = 0;
    for (let k = 0; k < size; k++) {
      beta[k] -= step[k];
      largest = Math.max(largest, Math.abs(step[k]));
    }
    if (largest < 1e-10) break;
  }
  return { coefficients: Array.from(beta.subarray(0, d)), intercept: withIntercept ? beta[d] : 0, iterations: iterations + 1 };
}

/** Solves A x = b for a small symmetric positive-definite A by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = a.slice();
  const x = b.slice();
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[pivot * n + col])) pivot = r;
    if (Math.abs(m[pivot * n + col]) < 1e-300) throw new CandlecastError('singular_fit', 'logistic regression: the features are degenerate (a constant or repeated column?)');
    if (pivot !== col) {
      for (let c = 0; c < n; c++) [m[col * n + c], m[pivot * n + c]] = [m[pivot * n + c], m[col * n + c]];
      [x[col], x[pivot]] = [x[pivot], x[col]];
    }
    for (let r = col + 1; r < n; r++) {
      const factor = m[r * n + col] / m[col * n + col];
      for (let c = col; c < n; c++) m[r * n + c] -= factor * m[col * n + c];
      x[r] -= factor * x[col];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let sum = x[r];
    for (let c = r + 1; c < n; c++) sum -= m[r * n + c] * x[c];
    x[r] = sum / m[r * n + r];
  }
  return x;
}
