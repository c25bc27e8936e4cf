import { CandlecastError, SeededRandom, type TreeEnsemble } from '@candlecast/shared';
import { binTrainingRows, type BinnedMatrix } from './BinnedMatrix';
import { ClassificationTreeGrower } from './ClassificationTreeGrower';
import { MAX_BINS } from './FeatureBins';
import { TreeBuffer } from './TreeBuffer';

export interface RandomForestOptions {
  trees: number;
  criterion: 'gini' | 'entropy';
  maxDepth: number;
  minSamplesLeaf: number;
  /** Smallest node that may be split; default 2 * minSamplesLeaf. */
  minSamplesSplit?: number;
  /** Features drawn per split: sqrt(F), log2(F), all, or a count. */
  maxFeatures: 'sqrt' | 'log2' | 'all' | number;
  /** Draw each tree's rows with replacement (true) or give every tree all rows once (false). */
  bootstrap: boolean;
  /** Bootstrap sample size as a share of the training rows. */
  sampleFraction: number;
  maxBins: number;
  seed: number;
}

/** Defaults for noisy one-minute data: shallow-ish, well-populated leaves. */
export const RANDOM_FOREST_DEFAULTS: RandomForestOptions = {
  trees: 200,
  criterion: 'gini',
  maxDepth: 10,
  minSamplesLeaf: 20,
  maxFeatures: 'sqrt',
  bootstrap: true,
  sampleFraction: 1,
  maxBins: MAX_BINS,
  seed: 1,
};

/** A trained forest: the flat ensemble for inference plus the binned trees and bins the trainer predicts with. */
export interface RandomForest {
  ensemble: TreeEnsemble;
  trees: TreeBuffer;
  matrix: BinnedMatrix;
  /** Accuracy of out-of-bag p(BUY) > 0.5 over rows that were out of bag at least once (NaN if none). */
  outOfBagAccuracy: number;
  options: RandomForestOptions;
}

/**
 * Trains a random forest classifier on a row-major `[rows, featureCount]` float32 matrix with 0/1
 * labels. Each tree gets its own seeded bootstrap and per-split feature draws, so the same seed
 * gives the same forest.
 */
export function trainRandomForest(x: Float32Array, labels: ArrayLike<number>, featureCount: number, options: Partial<RandomForestOptions> = {}, onTree?: (done: number, total: number) => void): RandomForest {
  const o: RandomForestOptions = { ...RANDOM_FOREST_DEFAULTS, ...options };
  const rows = x.length / featureCount;
  checkOptions(o, rows, labels.length);
  const y = Uint8Array.from(labels);
  const matrix = binTrainingRows(x, featureCount, o.maxBins);
  const maxFeatures = resolveMaxFeatures(o.maxFeatures, featureCount);
  const grower = new ClassificationTreeGrower(matrix, y, {
    criterion: o.criterion,
    maxDepth: o.maxDepth,
    minSamplesLeaf: o.minSamplesLeaf,
    minSamplesSplit: o.minSamplesSplit ?? 2 * o.minSamplesLeaf,
    maxFeatures,
  });
  const trees = new TreeBuffer();
  const sampleSize = o.bootstrap ? Math.max(1, Math.round(o.sampleFraction * rows)) : rows;
  const index = new Int32Array(sampleSize);
  const inBag = new Uint8Array(rows);
  const oobSum = new Float64Array(rows);
  const oobCount = new Int32Array(rows);
  for (let t = 0; t < o.trees; t++) {
    const random = new SeededRandom((o.seed * 0x9e3779b1 + t * 0x85ebca6b) >>> 0);
    inBag.fill(0);
    for (let i = 0; i < sampleSize; i++) {
      index[i] = o.bootstrap ? random.int(rows) : i;
      inBag[index[i]] = 1;
    }
    index.sort();
    const root = grower.grow(index, random, trees);
    for (let r = 0; r < rows; r++) {
      if (inBag[r]) continue;
      oobSum[r] += trees.value[trees.walkBinned(root, matrix.binned, r * featureCount)];
      oobCount[r]++;
    }
    onTree?.(t + 1, o.trees);
  }
  let scored = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    if (oobCount[r] === 0) continue;
    scored++;
    correct += (oobSum[r] / oobCount[r] > 0.5 ? 1 : 0) === y[r] ? 1 : 0;
  }
  return {
    ensemble: trees.toEnsemble({ kind: 'random-forest', aggregation: 'mean', featureCount, baseScore: 0 }),
    trees,
    matrix,
    outOfBagAccuracy: scored ? correct / scored : Number.NaN,
    options: o,
  };
}

/**
 * The trainer's own p(BUY) for binned rows (bins from `forest.matrix.bins`): the mean leaf value over
 * trees, summed in tree order like the shared kernel, as float32.
 */
export function predictRandomForestBinned(forest: Pick<RandomForest, 'trees'>, binned: Uint8Array, featureCount: number): Float32Array {
  const { trees } = forest;
  const rows = binned.length / featureCount;
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (const root of trees.roots) sum += trees.value[trees.walkBinned(root, binned, r * featureCount)];
    out[r] = sum / trees.roots.length;
  }
  return out;
}

/** Features per split for a maxFeatures setting. */
export function resolveMaxFeatures(setting: RandomForestOptions['maxFeatures'], featureCount: number): number {
  if (setting === 'sqrt') return Math.max(1, Math.round(Math.sqrt(featureCount)));
  if (setting === 'log2') return Math.max(1, Math.round(Math.log2(featureCount)));
  if (setting === 'all') return featureCount;
  if (Number.isInteger(setting) && setting >= 1 && setting <= featureCount) return setting;
  throw new CandlecastError('invalid_tree_options', `maxFeatures must be sqrt, log2, all or an integer from 1 to ${featureCount}, got ${JSON.stringify(setting)}`);
}

function checkOptions(o: RandomForestOptions, rows: number, labelCount: number): void {
  const fail = (field: string, value: unknown, rule: string) => new CandlecastError('invalid_tree_options', `${field} must be ${rule}, got ${JSON.stringify(value)}`);
  if (!Number.isInteger(rows) || rows < 1) throw new CandlecastError('empty_training_set', `a random forest needs training rows, got ${rows}`);
  if (labelCount !== rows) throw new CandlecastError('invalid_tree_input', `${labelCount} labels for ${rows} rows`);
  if (!(Number.isInteger(o.trees) && o.trees >= 1)) throw fail('trees', o.trees, 'an integer >= 1');
  if (!(o.maxDepth >= 0)) throw fail('maxDepth', o.maxDepth, '>= 0 (Infinity for unlimited)');
  if (!(Number.isInteger(o.minSamplesLeaf) && o.minSamplesLeaf >= 1)) throw fail('minSamplesLeaf', o.minSamplesLeaf, 'an integer >= 1');
  if (!(o.sampleFraction > 0 && o.sampleFraction <= 1)) throw fail('sampleFraction', o.sampleFraction, 'in (0, 1]');
  if (o.criterion !== 'gini' && o.criterion !== 'entropy') throw fail('criterion', o.criterion, 'gini or entropy');
}
