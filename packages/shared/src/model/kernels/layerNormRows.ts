/**
 * Layer normalisation in place over each of `rows` rows of `width` values:
 * (z - mean) / sqrt(var + epsilon) * gamma + beta, with the population variance.
 */
export function layerNormRows(
  values: number[],
  rows: number,
  width: number,
  gamma: number[],
  beta: number[],
  epsilon: number,
): void {
  for (let r = 0; r < rows; r++) {
    const start = r * width;
    let mean = 0;
    for (let d = 0; d < width; d++) mean += values[start + d];
    mean /= width;
    let variance = 0;
    for (let d = 0; d < width; d++) {
      const centered = values[start + d] - mean;
      variance += centered * centered;
    }
    const scale = 1 / Math.sqrt(variance / width + epsilon);
    for (let d = 0; d < width; d++) values[start + d] = (values[start + d] - mean) * scale * gamma[d] + beta[d];
  }
}
