import { SeededRandom } from '@candlecast/shared';

/**
 * Plain float64 re-statements of the math written at the top of the custom layer files, for
 * tests that bind each layer to its documentation. Matrices are row-major number arrays.
 */
export function randomValues(count: number, seed: number, scale = 0.5): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: count }, () => (random.next() * 2 - 1) * scale);
}

/** y[r] = x[r] M + bias for `rows` rows of width n; M is [n, m]. */
export function affine(x: readonly number[], rows: number, n: number, matrix: readonly number[], bias: readonly number[], m: number): number[] {
  const y = new Array<number>(rows * m).fill(0);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < m; j++) {
      let sum = bias[j] ?? 0;
      for (let k = 0; k < n; k++) sum += x[r * n + k] * matrix[k * m + j];
      y[r * m + j] = sum;
    }
  }
  return y;
}

/** Softmax of `scores` where `keep[i]` is false -> score + -1e9 (weight 0). */
export function maskedSoftmax(scores: readonly number[], keep: readonly boolean[]): number[] {
  const shifted = scores.map((s, i) => s + (keep[i] ? 0 : -1e9));
  const max = Math.max(...shifted);
  const exps = shifted.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Layer norm of each row (population variance, epsilon inside the root). */
export function layerNormRows(x: readonly number[], rows: number, width: number, gamma: readonly number[], beta: readonly number[], epsilon: number): number[] {
  const y = new Array<number>(x.length);
  for (let r = 0; r < rows; r++) {
    const row = x.slice(r * width, (r + 1) * width);
    const mean = row.reduce((a, b) => a + b, 0) / width;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / width;
    for (let d = 0; d < width; d++) y[r * width + d] = ((row[d] - mean) / Math.sqrt(variance + epsilon)) * gamma[d] + beta[d];
  }
  return y;
}
