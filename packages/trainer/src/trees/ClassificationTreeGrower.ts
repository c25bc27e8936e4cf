import type { SeededRandom } from '@candlecast/shared';
import { partitionRows, type BinnedMatrix } from './BinnedMatrix';
import { MAX_BINS } from './FeatureBins';
import type { TreeBuffer } from './TreeBuffer';

export interface ClassificationTreeOptions {
  criterion: 'gini' | 'entropy';
  maxDepth: number;
  minSamplesLeaf: number;
  minSamplesSplit: number;
  /** Features drawn at random for each split. */
  maxFeatures: number;
}

/**
 * Grows one CART classification tree for a random forest on binned rows: at each node it draws
 * `maxFeatures` features, builds class-count histograms over the node's rows and takes the bin cut
 * with the largest impurity decrease (gini or entropy). Leaves hold the node's share of BUY rows.
 * Scratch histograms are allocated once per grower.
 */
export class ClassificationTreeGrower {
  private readonly total: Int32Array;
  private readonly positive: Int32Array;
  private readonly features: Int32Array;

  constructor(
    private readonly data: BinnedMatrix,
    private readonly labels: Uint8Array,
    private readonly options: ClassificationTreeOptions,
  ) {
    this.total = new Int32Array(options.maxFeatures * MAX_BINS);
    this.positive = new Int32Array(options.maxFeatures * MAX_BINS);
    this.features = Int32Array.from({ length: data.featureCount }, (_, f) => f);
  }

  /** Grows a tree over the rows in `index` (reordered in place; repeats allowed, as in a bootstrap). */
  grow(index: Int32Array, random: SeededRandom, buffer: TreeBuffer): number {
    const { binned, featureCount: F, binCount } = this.data;
    const { maxDepth, minSamplesLeaf, minSamplesSplit, maxFeatures } = this.options;
    const entropy = this.options.criterion === 'entropy';
    const labels = this.labels;
    const total = this.total;
    const positive = this.positive;
    const features = this.features;
    const root = buffer.addTree();
    let rootPositive = 0;
    for (let i = 0; i < index.length; i++) rootPositive += labels[index[i]];
    const stack: number[] = [root, 0, index.length, 0, rootPositive];
    while (stack.length > 0) {
      const pos = stack.pop()!;
      const depth = stack.pop()!;
      const end = stack.pop()!;
      const start = stack.pop()!;
      const node = stack.pop()!;
      const n = end - start;
      buffer.value[node] = pos / n;
      if (depth >= maxDepth || n < minSamplesSplit || n < 2 * minSamplesLeaf || pos === 0 || pos === n) continue;

      for (let k = 0; k < maxFeatures; k++) {
        const j = k + random.int(F - k);
        const swap = features[k];
        features[k] = features[j];
        features[j] = swap;
      }
      total.fill(0, 0, maxFeatures * MAX_BINS);
      positive.fill(0, 0, maxFeatures * MAX_BINS);
      for (let i = start; i < end; i++) {
        const row = index[i];
        const base = row * F;
        const y = labels[row];
        for (let k = 0; k < maxFeatures; k++) {
          const slot = k * MAX_BINS + binned[base + features[k]];
          total[slot]++;
          positive[slot] += y;
        }
      }

      let bestScore = score(pos, n, entropy) + 1e-9 * n;
      let bestFeature = -1;
      let bestBin = -1;
      let bestLeftPositive = 0;
      for (let k = 0; k < maxFeatures; k++) {
        const f = features[k];
        let nLeft = 0;
        let posLeft = 0;
        for (let b = 0; b < binCount[f] - 1; b++) {
          nLeft += total[k * MAX_BINS + b];
          posLeft += positive[k * MAX_BINS + b];
          if (nLeft < minSamplesLeaf) continue;
          if (n - nLeft < minSamplesLeaf) break;
          const s = score(posLeft, nLeft, entropy) + score(pos - posLeft, n - nLeft, entropy);
          if (s > bestScore) {
            bestScore = s;
            bestFeature = f;
            bestBin = b;
            bestLeftPositive = posLeft;
          }
        }
      }
      if (bestFeature < 0) continue;
      const mid = partitionRows(index, start, end, binned, F, bestFeature, bestBin);
      const [left, right] = buffer.split(node, bestFeature, bestBin, this.data.bins.cuts[bestFeature][bestBin]);
      stack.push(right, mid, end, depth + 1, pos - bestLeftPositive);
      stack.push(left, start, mid, depth + 1, bestLeftPositive);
    }
    return root;
  }
}

/**
 * Minus the count-weighted impurity of a node with `pos` BUY rows out of `n` (higher is purer):
 * gini: (pos^2 + neg^2) / n - n; entropy: pos ln(pos/n) + neg ln(neg/n).
 */
function score(pos: number, n: number, entropy: boolean): number {
  const neg = n - pos;
  if (!entropy) return (pos * pos + neg * neg) / n - n;
  return (pos > 0 ? pos * Math.log(pos / n) : 0) + (neg > 0 ? neg * Math.log(neg / n) : 0);
}
