import { CandlecastError, SeededRandom, sigmoid, type TreeEnsemble } from '@candlecast/shared';
import { binTrainingRows, type BinnedMatrix } from './BinnedMatrix';
import { BoostedTreeGrower } from './BoostedTreeGrower';
import { binRows, MAX_BINS } from './FeatureBins';
import { TreeBuffer } from './TreeBuffer';

export interface GradientBoostingOptions {
  /** Most boosting rounds (trees). */
  rounds: number;
  learningRate: number;
  maxDepth: number;
  minChildWeight: number;
  lambda: number;
  minSplitGain: number;
  /** Share of training rows drawn (without replacement) for each tree. */
  subsample: number;
  /** Share of columns drawn for each tree. */
  colsampleByTree: number;
  /** Stop when validation log loss has not improved for this many rounds (needs validation rows). */
  earlyStoppingRounds: number;
  /** Initial logit: `prior` = logit of the training BUY share, or a number. */
  baseScore: 'prior' | number;
  maxBins: number;
  seed: number;
}

export const GRADIENT_BOOSTING_DEFAULTS: GradientBoostingOptions = {
  rounds: 300,
  learningRate: 0.05,
  maxDepth: 4,
  minChildWeight: 10,
  lambda: 1,
  minSplitGain: 0,
  subsample: 0.8,
  colsampleByTree: 0.8,
  earlyStoppingRounds: 30,
  baseScore: 'prior',
  maxBins: MAX_BINS,
  seed: 1,
};

/** Rows and 0/1 labels, row-major `[rows, featureCount]` float32. */
export interface LabelledRows {
  x: Float32Array;
  labels: ArrayLike<number>;
}

export interface GradientBoosting {
  ensemble: TreeEnsemble;
  trees: TreeBuffer;
  matrix: BinnedMatrix;
  /** Trees kept (the best validation round + 1, or every round without validation). */
  treeCount: number;
  /** Per round: mean log loss on train and validation (NaN without validation). */
  history: { trainLoss: number[]; validationLoss: number[] };
  /** The trainer's own p(BUY) of the training and validation rows with the kept trees, from its binned margins. */
  trainProbabilities: Float32Array;
  validationProbabilities: Float32Array;
  options: GradientBoostingOptions;
}

/**
 * Gradient-boosted trees for logistic loss: each round fits a tree to the gradient (p - y) and
 * hessian p(1 - p) of the current margins on a row subsample and column subsample, then adds its
 * shrunken leaf weights. Margins are float64 sums of the float32 leaf values in tree order, which is
 * exactly what the shared kernel computes, so training-time and served p(BUY) are bit-identical.
 */
export function trainGradientBoosting(
  train: LabelledRows,
  validation: LabelledRows | null,
  featureCount: number,
  options: Partial<GradientBoostingOptions> = {},
  onRound?: (round: number, rounds: number, trainLoss: number, validationLoss: number) => void,
): GradientBoosting {
  const o: GradientBoostingOptions = { ...GRADIENT_BOOSTING_DEFAULTS, ...options };
  const rows = train.x.length / featureCount;
  checkOptions(o, rows, train.labels.length, validation, featureCount);
  const y = Uint8Array.from(train.labels);
  const matrix = binTrainingRows(train.x, featureCount, o.maxBins);
  const validationRows = validation ? validation.labels.length : 0;
  const validationY = Uint8Array.from(validation?.labels ?? []);
  const validationBinned = validation ? binRows(matrix.bins, validation.x, validationRows) : new Uint8Array(0);

  let positives = 0;
  for (let r = 0; r < rows; r++) positives += y[r];
  const prior = Math.min(Math.max(positives / rows, 1e-6), 1 - 1e-6);
  const baseScore = o.baseScore === 'prior' ? Math.log(prior / (1 - prior)) : o.baseScore;

  const trainMargin = new Float64Array(rows).fill(baseScore);
  const validationMargin = new Float64Array(validationRows).fill(baseScore);
  let bestTrainMargin = trainMargin.slice();
  let bestValidationMargin = validationMargin.slice();
  const gradient = new Float64Array(rows);
  const hessian = new Float64Array(rows);
  const rowOrder = Int32Array.from({ length: rows }, (_, r) => r);
  const columnOrder = Int32Array.from({ length: featureCount }, (_, f) => f);
  const sampleSize = Math.max(1, Math.round(o.subsample * rows));
  const columnCount = Math.max(1, Math.round(o.colsampleByTree * featureCount));
  const index = new Int32Array(sampleSize);
  const columns = new Int32Array(columnCount);
  const grower = new BoostedTreeGrower(matrix, o);
  const trees = new TreeBuffer();
  const random = new SeededRandom(o.seed);
  const history = { trainLoss: [] as number[], validationLoss: [] as number[] };
  let bestRound = -1;
  let bestLoss = Number.POSITIVE_INFINITY;

  for (let round = 0; round < o.rounds; round++) {
    for (let r = 0; r < rows; r++) {
      const p = sigmoid(trainMargin[r]);
      gradient[r] = p - y[r];
      hessian[r] = Math.max(p * (1 - p), 1e-16);
    }
    drawSorted(rowOrder, sampleSize, index, random);
    drawSorted(columnOrder, columnCount, columns, random);
    const root = grower.grow(index, sampleSize, columns, columnCount, gradient, hessian, trees);
    for (let r = 0; r < rows; r++) trainMargin[r] += trees.value[trees.walkBinned(root, matrix.binned, r * featureCount)];
    for (let r = 0; r < validationRows; r++) validationMargin[r] += trees.value[trees.walkBinned(root, validationBinned, r * featureCount)];
    const trainLoss = logLoss(trainMargin, y);
    const validationLoss = validationRows ? logLoss(validationMargin, validationY) : Number.NaN;
    history.trainLoss.push(trainLoss);
    history.validationLoss.push(validationLoss);
    onRound?.(round + 1, o.rounds, trainLoss, validationLoss);
    if (!validationRows) continue;
    if (validationLoss < bestLoss) {
      bestLoss = validationLoss;
      bestRound = round;
      bestTrainMargin = trainMargin.slice();
      bestValidationMargin = validationMargin.slice();
    } else if (round - bestRound >= o.earlyStoppingRounds) break;
  }
  if (validationRows) trees.truncate(bestRound + 1);
  const finalTrain = validationRows ? bestTrainMargin : trainMargin;
  const finalValidation = validationRows ? bestValidationMargin : validationMargin;
  return {
    ensemble: trees.toEnsemble({ kind: 'gradient-boosting', aggregation: 'logistic', featureCount, baseScore }),
    trees,
    matrix,
    treeCount: trees.roots.length,
    history,
    trainProbabilities: Float32Array.from(finalTrain, sigmoid),
    validationProbabilities: Float32Array.from(finalValidation, sigmoid),
    options: o,
  };
}

/** Mean logistic loss of margins against 0/1 labels, computed stably as softplus. */
export function logLoss(margin: Float64Array, labels: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < margin.length; i++) {
    const z = labels[i] ? -margin[i] : margin[i];
    sum += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
  return sum / margin.length;
}

/** Draws `count` distinct entries of `order` (a persistent permutation) into `out`, ascending. */
function drawSorted(order: Int32Array, count: number, out: Int32Array, random: SeededRandom): void {
  if (count < order.length) {
    for (let k = 0; k < count; k++) {
      const j = k + random.int(order.length - k);
      const swap = order[k];
      order[k] = order[j];
      order[j] = swap;
    }
  }
  out.set(order.subarray(0, count));
  out.sort();
}

function checkOptions(o: GradientBoostingOptions, rows: number, labelCount: number, validation: LabelledRows | null, featureCount: number): void {
  const fail = (field: string, value: unknown, rule: string) => new CandlecastError('invalid_tree_options', `${field} must be ${rule}, got ${JSON.stringify(value)}`);
  if (!Number.isInteger(rows) || rows < 1) throw new CandlecastError('empty_training_set', `gradient boosting needs training rows, got ${rows}`);
  if (labelCount !== rows) throw new CandlecastError('invalid_tree_input', `${labelCount} labels for ${rows} training rows`);
  if (validation && validation.x.length !== validation.labels.length * featureCount) {
    throw new CandlecastError('invalid_tree_input', `${validation.x.length} validation values for ${validation.labels.length} rows of ${featureCount}`);
  }
  if (!(Number.isInteger(o.rounds) && o.rounds >= 1)) throw fail('rounds', o.rounds, 'an integer >= 1');
  if (!(o.learningRate > 0 && o.learningRate <= 1)) throw fail('learningRate', o.learningRate, 'in (0, 1]');
  if (!(Number.isInteger(o.maxDepth) && o.maxDepth >= 0)) throw fail('maxDepth', o.maxDepth, 'an integer >= 0');
  if (!(o.minChildWeight >= 0)) throw fail('minChildWeight', o.minChildWeight, '>= 0');
  if (!(o.lambda >= 0)) throw fail('lambda', o.lambda, '>= 0');
  if (!(o.minSplitGain >= 0)) throw fail('minSplitGain', o.minSplitGain, '>= 0');
  if (!(o.subsample > 0 && o.subsample <= 1)) throw fail('subsample', o.subsample, 'in (0, 1]');
  if (!(o.colsampleByTree > 0 && o.colsampleByTree <= 1)) throw fail('colsampleByTree', o.colsampleByTree, 'in (0, 1]');
  if (!(Number.isInteger(o.earlyStoppingRounds) && o.earlyStoppingRounds >= 1)) throw fail('earlyStoppingRounds', o.earlyStoppingRounds, 'an integer >= 1');
  if (o.baseScore !== 'prior' && !Number.isFinite(o.baseScore)) throw fail('baseScore', o.baseScore, '"prior" or a finite number');
}
