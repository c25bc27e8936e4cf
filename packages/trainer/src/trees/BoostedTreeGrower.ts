import { partitionRows, type BinnedMatrix } from './BinnedMatrix';
import { MAX_BINS } from './FeatureBins';
import type { TreeBuffer } from './TreeBuffer';

export interface BoostedTreeOptions {
  maxDepth: number;
  /** Least hessian sum a child may hold (XGBoost min_child_weight). */
  minChildWeight: number;
  /** L2 penalty on leaf weights (XGBoost lambda). */
  lambda: number;
  /** Least loss reduction a split must bring (XGBoost gamma). */
  minSplitGain: number;
  /** Shrinkage applied to every leaf weight (XGBoost eta). */
  learningRate: number;
}

/**
 * Grows one regression tree on gradient/hessian histograms, XGBoost's exact-greedy rule on
 * pre-binned features: a split's gain is 1/2 [GL^2/(HL+lambda) + GR^2/(HR+lambda) - G^2/(H+lambda)]
 * - gamma and a leaf's weight is -G/(H+lambda) * eta. Only the smaller child's histogram is
 * built from rows; the larger one is the parent's minus it. Histogram buffers come from a pool
 * (one per pending node), so growing allocates nothing once warm.
 */
export class BoostedTreeGrower {
  private readonly pool: Float64Array[] = [];
  private readonly free: number[] = [];

  constructor(
    private readonly data: BinnedMatrix,
    private readonly options: BoostedTreeOptions,
  ) {}

  /**
   * Grows a tree over `index[0, count)` (reordered in place) using the listed features only
   * (`features[0, featureCount)`, ascending); returns its root.
   */
  grow(index: Int32Array, count: number, features: Int32Array, featureCount: number, gradient: Float64Array, hessian: Float64Array, buffer: TreeBuffer): number {
    const { binned, featureCount: F, binCount, bins } = this.data;
    const { maxDepth, minChildWeight, lambda, minSplitGain, learningRate } = this.options;
    const root = buffer.addTree();
    let rootG = 0;
    let rootH = 0;
    for (let i = 0; i < count; i++) {
      rootG += gradient[index[i]];
      rootH += hessian[index[i]];
    }
    const rootHistogram = maxDepth > 0 ? this.histogram(index, 0, count, features, featureCount, gradient, hessian) : -1;
    // Each pending node: node, start, end, depth, histogram id, G, H.
    const stack: number[] = [root, 0, count, 0, rootHistogram, rootG, rootH];
    while (stack.length > 0) {
      const H = stack.pop()!;
      const G = stack.pop()!;
      const histogramId = stack.pop()!;
      const depth = stack.pop()!;
      const end = stack.pop()!;
      const start = stack.pop()!;
      const node = stack.pop()!;
      buffer.value[node] = (-G / (H + lambda)) * learningRate;
      if (histogramId < 0) continue;
      const histogram = this.pool[histogramId];
      if (end - start < 2 || H < 2 * minChildWeight) {
        this.free.push(histogramId);
        continue;
      }

      const parentScore = (G * G) / (H + lambda);
      let bestGain = 2 * minSplitGain + 1e-12;
      let bestFeature = -1;
      let bestBin = -1;
      let bestG = 0;
      let bestH = 0;
      for (let k = 0; k < featureCount; k++) {
        const f = features[k];
        let gLeft = 0;
        let hLeft = 0;
        for (let b = 0; b < binCount[f] - 1; b++) {
          const slot = (k * MAX_BINS + b) << 1;
          gLeft += histogram[slot];
          hLeft += histogram[slot + 1];
          if (hLeft < minChildWeight) continue;
          const hRight = H - hLeft;
          if (hRight < minChildWeight) break;
          const gRight = G - gLeft;
          const gain = (gLeft * gLeft) / (hLeft + lambda) + (gRight * gRight) / (hRight + lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = f;
            bestBin = b;
            bestG = gLeft;
            bestH = hLeft;
          }
        }
      }
      if (bestFeature < 0) {
        this.free.push(histogramId);
        continue;
      }
      const mid = partitionRows(index, start, end, binned, F, bestFeature, bestBin);
      const [left, right] = buffer.split(node, bestFeature, bestBin, bins.cuts[bestFeature][bestBin]);
      let leftHistogram = -1;
      let rightHistogram = -1;
      if (depth + 1 < maxDepth) {
        const leftSmaller = mid - start <= end - mid;
        const small = leftSmaller ? this.histogram(index, start, mid, features, featureCount, gradient, hessian) : this.histogram(index, mid, end, features, featureCount, gradient, hessian);
        const smallHistogram = this.pool[small];
        const size = featureCount * MAX_BINS * 2;
        for (let i = 0; i < size; i++) histogram[i] -= smallHistogram[i];
        leftHistogram = leftSmaller ? small : histogramId;
        rightHistogram = leftSmaller ? histogramId : small;
      } else {
        this.free.push(histogramId);
      }
      stack.push(right, mid, end, depth + 1, rightHistogram, G - bestG, H - bestH);
      stack.push(left, start, mid, depth + 1, leftHistogram, bestG, bestH);
    }
    return root;
  }

  /** Builds the gradient/hessian histogram of `index[start, end)` into a pooled buffer; returns its id. */
  private histogram(index: Int32Array, start: number, end: number, features: Int32Array, featureCount: number, gradient: Float64Array, hessian: Float64Array): number {
    const F = this.data.featureCount;
    const binned = this.data.binned;
    let id = this.free.pop();
    if (id === undefined) {
      id = this.pool.length;
      this.pool.push(new Float64Array(F * MAX_BINS * 2));
    }
    const histogram = this.pool[id];
    histogram.fill(0, 0, featureCount * MAX_BINS * 2);
    for (let i = start; i < end; i++) {
      const row = index[i];
      const base = row * F;
      const g = gradient[row];
      const h = hessian[row];
      for (let k = 0; k < featureCount; k++) {
        const slot = (k * MAX_BINS + binned[base + features[k]]) << 1;
        histogram[slot] += g;
        histogram[slot + 1] += h;
      }
    }
    return id;
  }
}
