export { checkEnsembleConfig, DEFAULT_ENSEMBLE_WEIGHTS, type EnsembleConfig, type EnsembleMethod } from './EnsembleConfig';
export { combineProbabilities, combineProbabilityArrays, type EnsembleOutput, type ModelPredictions } from './combineProbabilities';
export { EnsembleCombiner, type CombinedProbability } from './EnsembleCombiner';
