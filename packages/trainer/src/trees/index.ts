export { randomForestTrainer, type RandomForestConfig } from './randomForestTrainer';
export { gradientBoostingTrainer, type GradientBoostingConfig } from './gradientBoostingTrainer';
export { TreeModel, loadTreeModel, TREE_MODEL_FILE } from './TreeModel';
export { trainRandomForest, predictRandomForestBinned, RANDOM_FOREST_DEFAULTS, type RandomForest, type RandomForestOptions } from './trainRandomForest';
export { trainGradientBoosting, GRADIENT_BOOSTING_DEFAULTS, type GradientBoosting, type GradientBoostingOptions, type LabelledRows } from './trainGradientBoosting';
export { treeTrainingRows, treeTabularSpec } from './treeTrainingRows';
