/** What the early-stopping and learning-rate logic remember between epochs (saved in checkpoints). */
export interface PlateauState {
  bestLoss: number;
  /** 1-based epoch of the best validation loss; 0 before the first epoch. */
  bestEpoch: number;
  /** Epochs since the last improvement (early stopping). */
  wait: number;
  /** Epochs since the last improvement or learning-rate cut. */
  lrWait: number;
  learningRate: number;
}

export interface PlateauSettings {
  patience: number;
  minDelta: number;
  lrPatience: number;
  lrFactor: number;
  minLearningRate: number;
}

/** The decision after one epoch. */
export interface PlateauStep {
  state: PlateauState;
  improved: boolean;
  stop: boolean;
  /** The learning rate was cut this epoch. */
  reduced: boolean;
}

export function initialPlateauState(learningRate: number): PlateauState {
  return { bestLoss: Number.POSITIVE_INFINITY, bestEpoch: 0, wait: 0, lrWait: 0, learningRate };
}

/**
 * Early stopping and reduce-on-plateau on one monitored loss (lower is better): an epoch
 * improves when its loss is below the best by more than minDelta. After `lrPatience` epochs
 * without improvement the learning rate is multiplied by lrFactor (not below minLearningRate);
 * after `patience` such epochs training stops. Pure, so it is tested without tfjs.
 */
export function plateauStep(state: PlateauState, loss: number, epoch: number, settings: PlateauSettings): PlateauStep {
  if (loss < state.bestLoss - settings.minDelta) {
    return { state: { ...state, bestLoss: loss, bestEpoch: epoch, wait: 0, lrWait: 0 }, improved: true, stop: false, reduced: false };
  }
  const wait = state.wait + 1;
  let lrWait = state.lrWait + 1;
  let learningRate = state.learningRate;
  let reduced = false;
  if (lrWait >= settings.lrPatience) {
    const next = Math.max(learningRate * settings.lrFactor, settings.minLearningRate);
    reduced = next < learningRate;
    learningRate = next;
    lrWait = 0;
  }
  return { state: { ...state, wait, lrWait, learningRate }, improved: false, stop: wait >= settings.patience, reduced };
}
