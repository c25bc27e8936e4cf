import type { TreeEnsemble } from '@candlecast/shared';

/**
 * Growable flat storage for the trees the trainer builds. Each split node keeps both its bin
 * (what training compared) and its float32 threshold (what inference compares); `walkBinned`
 * predicts from bins, the trainer's own path, and `toEnsemble` hands the thresholds to the shared
 * kernel. Arrays double when full, so growing a tree allocates nothing per node.
 */
export class TreeBuffer {
  feature = new Int32Array(1024);
  bin = new Int32Array(1024);
  threshold = new Float32Array(1024);
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  value = new Float32Array(1024);
  size = 0;
  readonly roots: number[] = [];

  /** Appends a leaf with value 0 and returns its index. */
  addNode(): number {
    if (this.size === this.feature.length) this.grow();
    const n = this.size++;
    this.feature[n] = -1;
    this.value[n] = 0;
    return n;
  }

  /** Starts a new tree; returns its root. */
  addTree(): number {
    const root = this.addNode();
    this.roots.push(root);
    return root;
  }

  /** Turns leaf n into a split on `bin <= splitBin` (`x <= threshold`); creates and returns its children. */
  split(n: number, feature: number, splitBin: number, threshold: number): [number, number] {
    const left = this.addNode();
    const right = this.addNode();
    this.feature[n] = feature;
    this.bin[n] = splitBin;
    this.threshold[n] = threshold;
    this.left[n] = left;
    this.right[n] = right;
    return [left, right];
  }

  /** The leaf a binned row reaches in the tree rooted at `root` (row at `binned[offset ..]`). */
  walkBinned(root: number, binned: Uint8Array, offset: number): number {
    let n = root;
    while (this.feature[n] >= 0) n = binned[offset + this.feature[n]] <= this.bin[n] ? this.left[n] : this.right[n];
    return n;
  }

  /** Keeps the first `treeCount` trees (early stopping); nodes of a tree are contiguous. */
  truncate(treeCount: number): void {
    if (treeCount >= this.roots.length) return;
    this.size = this.roots[treeCount];
    this.roots.length = treeCount;
  }

  /** The flat, serialisable form (copies, trimmed to size). */
  toEnsemble(header: Pick<TreeEnsemble, 'kind' | 'aggregation' | 'featureCount' | 'baseScore'>): TreeEnsemble {
    const n = this.size;
    return {
      ...header,
      roots: Int32Array.from(this.roots),
      feature: Int16Array.from(this.feature.subarray(0, n)),
      threshold: this.threshold.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      value: this.value.slice(0, n),
    };
  }

  private grow(): void {
    const capacity = this.feature.length * 2;
    const resize = <T extends Int32Array | Float32Array>(array: T, Type: new (n: number) => T): T => {
      const next = new Type(capacity);
      next.set(array);
      return next;
    };
    this.feature = resize(this.feature, Int32Array);
    this.bin = resize(this.bin, Int32Array);
    this.threshold = resize(this.threshold, Float32Array);
    this.left = resize(this.left, Int32Array);
    this.right = resize(this.right, Int32Array);
    this.value = resize(this.value, Float32Array);
  }
}
