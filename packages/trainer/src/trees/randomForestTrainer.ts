import type { TabularColumn } from '@candlecast/shared';
import type { ModelTrainer } from '../training/ModelTrainer';
import { pickOptions } from './pickOptions';
import { RANDOM_FOREST_DEFAULTS, trainRandomForest, type RandomForestOptions } from './trainRandomForest';
import { TreeModel } from './TreeModel';
import { treeTabularSpec, treeTrainingRows } from './treeTrainingRows';

/** Random forest options plus the tabular columns to build (default: the 60 default columns); other fields are ignored. */
export type RandomForestConfig = Partial<RandomForestOptions> & { columns?: TabularColumn[] };

/** `rf`: a random forest on tabular rows of each window (the original system's model family). */
export const randomForestTrainer: ModelTrainer<RandomForestConfig> = {
  name: 'rf',
  family: 'tree',
  description: 'random forest (bootstrap, random feature subsets, gini/entropy) on 60 tabular features per window',
  async train(data, config = {}, progress) {
    const { columns, ...options } = pickOptions<RandomForestConfig>(config, [...Object.keys(RANDOM_FOREST_DEFAULTS), 'minSamplesSplit', 'columns']);
    const tabular = treeTabularSpec(data.dataset, columns);
    const rows = treeTrainingRows(data.dataset, data.train, tabular);
    const every = Math.max(1, Math.round((options.trees ?? 200) / 20));
    const forest = trainRandomForest(rows.x, rows.labels, tabular.columns.length, { seed: data.seed, ...options }, (done, total) => {
      if (done % every === 0 || done === total) progress?.({ model: 'rf', epoch: done, epochs: total, message: `tree ${done}/${total}` });
    });
    progress?.({ model: 'rf', message: 'trained', metrics: { outOfBagAccuracy: forest.outOfBagAccuracy, nodes: forest.ensemble.feature.length } });
    return new TreeModel('rf', tabular, forest.ensemble, {
      options: forest.options,
      trainSamples: data.train.length,
      nodes: forest.ensemble.feature.length,
      outOfBagAccuracy: forest.outOfBagAccuracy,
    });
  },
};
