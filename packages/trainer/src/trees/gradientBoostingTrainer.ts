import type { TabularColumn } from '@candlecast/shared';
import type { ModelTrainer } from '../training/ModelTrainer';
import { pickOptions } from './pickOptions';
import { GRADIENT_BOOSTING_DEFAULTS, trainGradientBoosting, type GradientBoostingOptions } from './trainGradientBoosting';
import { TreeModel } from './TreeModel';
import { treeTabularSpec, treeTrainingRows } from './treeTrainingRows';

/** Gradient boosting options plus the tabular columns to build (default: the 60 default columns); other fields are ignored. */
export type GradientBoostingConfig = Partial<GradientBoostingOptions> & { columns?: TabularColumn[] };

/** `gbdt`: XGBoost-style gradient-boosted trees, early-stopped on the validation samples when there are any. */
export const gradientBoostingTrainer: ModelTrainer<GradientBoostingConfig> = {
  name: 'gbdt',
  family: 'tree',
  description: 'gradient-boosted trees (histogram splits, shrinkage, L2, subsampling, early stopping) on 60 tabular features',
  async train(data, config = {}, progress) {
    const { columns, ...options } = pickOptions<GradientBoostingConfig>(config, [...Object.keys(GRADIENT_BOOSTING_DEFAULTS), 'columns']);
    const tabular = treeTabularSpec(data.dataset, columns);
    const train = treeTrainingRows(data.dataset, data.train, tabular);
    const validation = data.validation.length > 0 ? treeTrainingRows(data.dataset, data.validation, tabular) : null;
    const model = trainGradientBoosting(train, validation, tabular.columns.length, { seed: data.seed, ...options }, (round, rounds, trainLoss, validationLoss) => {
      progress?.({ model: 'gbdt', epoch: round, epochs: rounds, message: `round ${round}/${rounds}`, metrics: validation ? { trainLoss, validationLoss } : { trainLoss } });
    });
    progress?.({ model: 'gbdt', message: `kept ${model.treeCount} trees`, metrics: { trees: model.treeCount } });
    const validationLoss = model.history.validationLoss[model.treeCount - 1];
    return new TreeModel('gbdt', tabular, model.ensemble, {
      options: model.options,
      trainSamples: data.train.length,
      trees: model.treeCount,
      nodes: model.ensemble.feature.length,
      ...(validation ? { validationLoss } : {}),
    });
  },
};
