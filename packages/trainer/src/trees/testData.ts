import { SeededRandom } from '@candlecast/shared';

/**
 * Test data with a planted rule: standard-normal columns, label = (x3 > 0.2) XOR (x7 < -0.1). A
 * tree learner must find both thresholds to beat ~54%.
 */
export function plantedXor(rows: number, seed: number, featureCount = 10): { x: Float32Array; labels: Uint8Array } {
  const random = new SeededRandom(seed);
  const x = new Float32Array(rows * featureCount);
  const labels = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < featureCount; f++) x[r * featureCount + f] = random.normal();
    labels[r] = Number(x[r * featureCount + 3] > 0.2) ^ Number(x[r * featureCount + 7] < -0.1);
  }
  return { x, labels };
}

/** Share of p > 0.5 that match the labels. */
export function hitRate(p: Float32Array, labels: ArrayLike<number>): number {
  let hits = 0;
  for (let i = 0; i < p.length; i++) hits += (p[i] > 0.5 ? 1 : 0) === labels[i] ? 1 : 0;
  return hits / p.length;
}
