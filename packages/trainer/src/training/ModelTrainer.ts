import type { Dataset } from '@candlecast/shared';

/**
 * What every model family gets to train on: a dataset whose feature rows are already normalised
 * with statistics fitted on `train` only, and sample indices (into `dataset.ends`) for the
 * training and the chronologically later validation part.
 */
export interface TrainingData {
  dataset: Dataset;
  train: readonly number[];
  validation: readonly number[];
  seed: number;
}

/** Reports training progress; the CLI renders it, tests ignore it. */
export interface TrainingProgress {
  (event: { model: string; epoch?: number; epochs?: number; message: string; metrics?: Record<string, number> }): void;
}

/** A trained model, whatever its family. */
export interface TrainedModel {
  /** The registry name: lstm, gru, lstm-attention, transformer, rf, gbdt. */
  readonly name: string;
  readonly family: 'deep' | 'tree';
  /** p(BUY) for the given samples (indices into dataset.ends), in order. */
  predict(dataset: Dataset, samples: readonly number[]): Promise<Float32Array>;
  /** Writes weights/trees plus whatever the family needs to reload under `dir` (created if missing). */
  save(dir: string): Promise<void>;
  /** Releases tensors or other resources. Safe to call twice. */
  dispose(): void;
}

/** A model family the CLI and the evaluation can train by name. */
export interface ModelTrainer<TConfig = unknown> {
  readonly name: string;
  readonly family: 'deep' | 'tree';
  /** One line for `--help`. */
  readonly description: string;
  train(data: TrainingData, config: TConfig, progress?: TrainingProgress): Promise<TrainedModel>;
}
