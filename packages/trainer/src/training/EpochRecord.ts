/** One line of training.jsonl and one entry of history.json: what an epoch did. */
export interface EpochRecord {
  model: string;
  /** 1-based. */
  epoch: number;
  /** Class-weighted training loss and accuracy, averaged over the epoch's batches (dropout on). */
  loss: number;
  accuracy: number;
  /** Unweighted cross-entropy and accuracy on the validation samples (null without validation). */
  valLoss: number | null;
  valAccuracy: number | null;
  /** Learning rate used during the epoch. */
  learningRate: number;
  trainSamples: number;
  /** Training samples per second (validation time excluded) and the epoch's wall time. */
  samplesPerSecond: number;
  seconds: number;
  /** This epoch set a new best monitored loss (its weights are the best checkpoint). */
  best: boolean;
  /** ISO time the epoch ended. */
  time: string;
}
