import { BUY, CandlecastError, SELL, walkForwardFolds, type Dataset } from '@candlecast/shared';
import type { TrainedModel } from '../training/ModelTrainer';

/**
 * Base-model predictions of samples none of those models was trained on, with the record that
 * proves it: each fit lists the samples its models were trained on and the samples they predicted.
 * This is the only input stacking and ensemble selection accept.
 */
export interface OutOfFoldPredictions {
  /** Sample indices (into dataset.ends) in prediction order. */
  samples: number[];
  /** 0/1 label per sample. */
  labels: Uint8Array;
  /** p(BUY) per model, aligned with `samples`. A model that failed anywhere is left out. */
  predictions: Record<string, Float32Array>;
  fits: { trained: readonly number[]; predicted: readonly number[] }[];
}

/**
 * Throws `not_out_of_fold` unless every sample was predicted by exactly one fit, and no fit
 * predicted a sample it was trained on.
 */
export function assertOutOfFold(oof: OutOfFoldPredictions): void {
  const fail = (what: string) => new CandlecastError('not_out_of_fold', `predictions are not out-of-fold: ${what}`);
  const predictedBy = new Map<number, number>();
  oof.fits.forEach((fit, k) => {
    const trained = new Set(fit.trained);
    for (const sample of fit.predicted) {
      if (trained.has(sample)) throw fail(`fit ${k} predicted sample ${sample}, which it was trained on`);
      if (predictedBy.has(sample)) throw fail(`sample ${sample} was predicted by fits ${predictedBy.get(sample)} and ${k}`);
      predictedBy.set(sample, k);
    }
  });
  for (const sample of oof.samples) if (!predictedBy.has(sample)) throw fail(`sample ${sample} was predicted by no recorded fit`);
  if (predictedBy.size !== oof.samples.length) throw fail(`${predictedBy.size} samples were predicted, ${oof.samples.length} are listed`);
  for (const [name, p] of Object.entries(oof.predictions)) {
    if (p.length !== oof.samples.length) throw fail(`model "${name}" has ${p.length} predictions for ${oof.samples.length} samples`);
  }
}

/** Trains base models on `train` and returns their p(BUY) of `predict` (by model name). */
export type FitAndPredict = (train: number[], predict: number[]) => Promise<Record<string, Float32Array | null>>;

/**
 * Out-of-fold predictions over a training period by walk-forward: the period's samples are cut
 * into `folds` later blocks after an initial share; for each block the base models are trained on
 * every earlier sample (purged so no training label reaches into the block's windows) and predict
 * the block. Only the blocks get predictions, so the initial share is never stacked on.
 */
export async function walkForwardOutOfFold(
  dataset: Pick<Dataset, 'ends' | 'labels'>,
  samples: readonly number[],
  options: { folds: number; windowLength: number; initialTrainFraction?: number; embargo?: number },
  fitAndPredict: FitAndPredict,
): Promise<OutOfFoldPredictions> {
  const ends = samples.map((s) => dataset.ends[s]);
  const fits: OutOfFoldPredictions['fits'] = [];
  const parts: Record<string, Float32Array | null>[] = [];
  for (const fold of walkForwardFolds(ends, options)) {
    const trained = fold.train.map((k) => samples[k]);
    const predicted = fold.test.map((k) => samples[k]);
    parts.push(await fitAndPredict(trained, predicted));
    fits.push({ trained, predicted });
  }
  const predicted = fits.flatMap((fit) => [...fit.predicted]);
  return { samples: predicted, labels: binaryLabels(dataset, predicted), predictions: concatenate(parts, fits.map((f) => f.predicted.length)), fits };
}

/**
 * The simplest out-of-fold set: models already trained on `train` predict the later `validation`
 * block. A model whose predict throws is left out (and named in `failed`).
 */
export async function heldOutPredictions(models: readonly TrainedModel[], dataset: Dataset, train: readonly number[], validation: readonly number[]): Promise<OutOfFoldPredictions & { failed: string[] }> {
  const predictions: Record<string, Float32Array> = {};
  const failed: string[] = [];
  for (const model of models) {
    try {
      predictions[model.name] = await model.predict(dataset, validation);
    } catch {
      failed.push(model.name);
    }
  }
  return { samples: [...validation], labels: binaryLabels(dataset, validation), predictions, fits: [{ trained: train, predicted: validation }], failed };
}

function binaryLabels(dataset: Pick<Dataset, 'labels'>, samples: readonly number[]): Uint8Array {
  return Uint8Array.from(samples, (s) => {
    const label = dataset.labels[s];
    if (label !== BUY && label !== SELL) throw new CandlecastError('invalid_label', `ensembles are fitted on BUY/SELL labels; sample ${s} has ${label}`);
    return label;
  });
}

function concatenate(parts: Record<string, Float32Array | null>[], sizes: number[]): Record<string, Float32Array> {
  const total = sizes.reduce((a, b) => a + b, 0);
  const names = new Set(parts.flatMap((part) => Object.keys(part)));
  const out: Record<string, Float32Array> = {};
  for (const name of names) {
    // A model missing from any fold has no out-of-fold prediction for those samples: leave it out.
    if (parts.some((part, k) => part[name]?.length !== sizes[k])) continue;
    const joined = new Float32Array(total);
    let offset = 0;
    parts.forEach((part, k) => {
      joined.set(part[name]!, offset);
      offset += sizes[k];
    });
    out[name] = joined;
  }
  return out;
}
