import { accuracy, type Dataset } from '@candlecast/shared';
import type { ModelTrainer } from '../training/ModelTrainer';
import { appendFeatureColumn } from './appendFeatureColumn';
import { leakedNextReturnFeature } from './leakedNextReturnFeature';
import { normaliseForFold } from './normaliseForFold';
import type { FoldPlan } from './planFolds';

/**
 * The positive control: the same pipeline (normalisation on the fold's past, `trainer` on its
 * training samples) on the raw dataset with the planted next-candle return appended as a 21st
 * feature. A pipeline that can learn must exploit it and score near 100% on the fold's test
 * block; a low score means the training path cannot pick up even a perfect signal. Returns that
 * test accuracy (a fraction).
 */
export async function leakedFeatureControl(raw: Dataset, plan: FoldPlan, trainer: ModelTrainer, config: unknown, seed: number): Promise<number> {
  const { dataset } = normaliseForFold(appendFeatureColumn(raw, leakedNextReturnFeature), plan.history);
  const model = await trainer.train({ dataset, train: plan.train, validation: plan.validation, seed }, config);
  try {
    const pBuy = await model.predict(dataset, plan.scored);
    return accuracy(
      pBuy,
      plan.scored.map((sample) => dataset.labels[sample]),
    );
  } finally {
    model.dispose();
  }
}
