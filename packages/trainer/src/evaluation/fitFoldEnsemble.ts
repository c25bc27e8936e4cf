import { calibrateProbabilities, combineProbabilityArrays, type AbstainBand, type Calibration, type Dataset, type EnsembleConfig } from '@candlecast/shared';
import { chooseAbstainBand } from '../calibration/abstainBand';
import { fitCalibration } from '../calibration/fitCalibration';
import { chooseEnsemble } from '../ensemble/chooseEnsemble';
import { heldOutPredictions } from '../ensemble/OutOfFoldPredictions';
import type { TrainedModel } from '../training/ModelTrainer';
import type { FoldPlan } from './planFolds';

/** A fold's ensemble as it would be served: combination, Platt calibration and abstain band, all fitted on validation. */
export interface FoldEnsemble {
  /** The winning candidate's name (e.g. "stacking (logistic on logits)"). */
  chosen: string;
  config: EnsembleConfig;
  calibration: Calibration;
  band: AbstainBand;
  /** Calibrated ensemble p(BUY) from the base models' p(BUY) of `count` samples. */
  combine(predictions: Record<string, Float32Array>, count: number): Float32Array;
}

/**
 * Chooses the ensemble on the fold's validation block (chooseEnsemble's blocked cross-validation
 * over the models' held-out predictions), fits Platt calibration of the combined p(BUY) on the same
 * block, and the widest HOLD band that still signals `abstainCoverage` of it. Nothing here sees
 * the fold's test block.
 */
export async function fitFoldEnsemble(models: readonly TrainedModel[], dataset: Dataset, plan: FoldPlan, abstainCoverage: number): Promise<FoldEnsemble> {
  const heldOut = await heldOutPredictions(models, dataset, plan.train, plan.validation);
  const { config, candidates } = chooseEnsemble(heldOut);
  const chosen = candidates.reduce((a, b) => (b.brier < a.brier ? b : a)).name;
  const raw = combineProbabilityArrays(config, heldOut.predictions, plan.validation.length).pBuy;
  const calibration = fitCalibration('platt', raw, heldOut.labels);
  const band = chooseAbstainBand(calibrateProbabilities(calibration, raw), heldOut.labels, { kind: 'coverage', value: abstainCoverage });
  return {
    chosen,
    config,
    calibration,
    band,
    combine: (predictions, count) => calibrateProbabilities(calibration, combineProbabilityArrays(config, predictions, count).pBuy),
  };
}
