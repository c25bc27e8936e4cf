export { fitLogisticRegression, type LogisticRegressionFit, type LogisticRegressionOptions } from './fitLogisticRegression';
export { assertOutOfFold, heldOutPredictions, walkForwardOutOfFold, type FitAndPredict, type OutOfFoldPredictions } from './OutOfFoldPredictions';
export { fitStacking, type StackingOptions } from './fitStacking';
export { chooseEnsemble, type EnsembleCandidate, type EnsembleChoiceOptions } from './chooseEnsemble';
