export { purgeBoundary, purgeTraining, type PurgeOptions } from './purge';
export { chronologicalSplit, type ChronologicalSplit, type SplitFractions } from './chronologicalSplit';
export { walkForwardFolds, type Fold, type WalkForwardOptions } from './walkForwardFolds';
