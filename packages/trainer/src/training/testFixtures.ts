import * as tf from '@tensorflow/tfjs';
import { accuracy, buildDataset, chronologicalSplit, DEFAULT_FEATURE_SPEC, fitNormalisation, generateCandles, normaliseRows, reverseLastCandle, rowsCoveredBy, type Dataset } from '@candlecast/shared';
import type { DeepTrainedModel } from './DeepTrainedModel';
import type { EpochRecord } from './EpochRecord';
import type { TrainingData } from './ModelTrainer';
import { TRAINERS } from './trainers';

/** Architecture sizes small enough for unit tests (a few units, one layer). */
export const TINY_MODEL = {
  windowLength: 30,
  recurrentUnits: [8],
  denseUnits: 8,
  attentionUnits: 8,
  transformer: { dModel: 8, heads: 2, ffDim: 16, blocks: 1, dropout: 0 },
};

/** A normalised dataset with a chronological 60/20/20 split, as the CLI builds it. */
export interface SplitData {
  dataset: Dataset;
  train: number[];
  validation: number[];
  test: number[];
}

/**
 * Generated candles with a strong bid-ask bounce (a planted, learnable next-candle signal),
 * windows of 30, normalised on the training rows. Test-only helper.
 */
export function plantedData(count = 1600, bounce = 4, seed = 3): SplitData {
  const dataset = buildDataset(generateCandles({ count, seed, bounce }), { spec: DEFAULT_FEATURE_SPEC, windowLength: 30 });
  const split = chronologicalSplit(dataset.ends, undefined, { windowLength: 30 });
  normaliseRows(dataset.features, fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(split.train.map((i) => dataset.ends[i]), 30)));
  return { dataset, ...split };
}

/** TrainingData for a split. */
export function trainingData(data: SplitData, seed = 1): TrainingData {
  return { dataset: data.dataset, train: data.train, validation: data.validation, seed };
}

/** Labels of samples, as numbers. */
export function labelsOf(dataset: Dataset, samples: readonly number[]): number[] {
  return samples.map((i) => dataset.labels[i]);
}

/** Test accuracy of a registry model trained briefly on plantedData, and tensors left behind. */
export async function plantedSignalRun(name: string, epochs = 3): Promise<{ accuracy: number; reverseBaseline: number; leaked: number; history: EpochRecord[] }> {
  const data = plantedData();
  const before = tf.memory().numTensors;
  const trained = await TRAINERS[name].train(trainingData(data), { config: { model: TINY_MODEL, training: { epochs, batchSize: 32, learningRate: 0.01 } } });
  const pBuy = await trained.predict(data.dataset, data.test);
  const history = (trained as DeepTrainedModel).history as EpochRecord[];
  trained.dispose();
  const labels = labelsOf(data.dataset, data.test);
  return {
    accuracy: accuracy(pBuy, labels),
    reverseBaseline: accuracy(reverseLastCandle(data.dataset, data.test), labels),
    leaked: tf.memory().numTensors - before,
    history,
  };
}
