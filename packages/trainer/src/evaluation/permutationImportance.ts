import { accuracy, CandlecastError, rowsCoveredBy, SeededRandom, type Dataset } from '@candlecast/shared';

/** p(BUY) for the given samples (indices into dataset.ends), in order: TrainedModel.predict fits. */
export type PredictFunction = (dataset: Dataset, samples: readonly number[]) => Promise<ArrayLike<number>> | ArrayLike<number>;

export interface PermutationImportanceOptions {
  /** A dataset whose feature rows are already normalised, as the model saw them in training. */
  dataset: Dataset;
  /** Scored samples (indices into dataset.ends); their labels must be BUY or SELL. */
  samples: readonly number[];
  predict: PredictFunction;
  /** Column names, in column order. Default: dataset.spec.names. */
  featureNames?: readonly string[];
  seed?: number;
  /** Shuffles per feature, averaged. Default 1. */
  repeats?: number;
}

export interface PermutationImportance {
  /** Accuracy with every column intact. */
  accuracy: number;
  /** Per feature: accuracy intact minus accuracy with that column shuffled (fraction points; ~0 = unused). */
  drop: Record<string, number>;
}

/**
 * Permutation feature importance: shuffle one feature column, re-score, report the accuracy lost.
 * Windows overlap and share feature rows, so the column is permuted across the rows the scored
 * windows cover (each row once, on a copy of the matrix), never per window: every window still
 * sees one consistent matrix, only that feature's values are scrambled in time. The dataset passed
 * in is left untouched.
 */
export async function permutationImportance(options: PermutationImportanceOptions): Promise<PermutationImportance> {
  const { dataset, samples, predict } = options;
  const names = options.featureNames ?? dataset.spec.names;
  const repeats = options.repeats ?? 1;
  if (names.length !== dataset.featureCount) {
    throw new CandlecastError('invalid_feature_names', `got ${names.length} feature names for ${dataset.featureCount} columns`);
  }
  if (samples.length === 0) throw new CandlecastError('invalid_metric_input', 'no samples to score');
  const labels = samples.map((i) => dataset.labels[i]);
  const score = async (features: Float32Array) => accuracy(await predict({ ...dataset, features }, samples), labels);

  const base = await score(dataset.features);
  const rows = rowsCoveredBy(samples.map((i) => dataset.ends[i]), dataset.windowLength);
  const features = Float32Array.from(dataset.features);
  const F = dataset.featureCount;
  const column = new Float32Array(rows.length);
  const drop: Record<string, number> = {};
  for (let f = 0; f < F; f++) {
    let lost = 0;
    for (let repeat = 0; repeat < repeats; repeat++) {
      const random = new SeededRandom((options.seed ?? 1) + 7919 * f + 104_729 * repeat);
      for (let k = 0; k < rows.length; k++) column[k] = dataset.features[rows[k] * F + f];
      random.shuffle(column);
      for (let k = 0; k < rows.length; k++) features[rows[k] * F + f] = column[k];
      lost += base - (await score(features));
    }
    for (const row of rows) features[row * F + f] = dataset.features[row * F + f];
    drop[names[f]] = lost / repeats;
  }
  return { accuracy: base, drop };
}
