import * as tf from '@tensorflow/tfjs';
import type { BuildOptions } from '../models/modelParts';
import { resolveDeepConfig } from './DeepConfig';
import { DeepTrainedModel } from './DeepTrainedModel';
import { fitDeepModel } from './fitDeepModel';
import type { ModelTrainer, TrainedModel, TrainingData, TrainingProgress } from './ModelTrainer';

/** What a deep trainer accepts as its config. */
export interface DeepTrainerConfig {
  /**
   * The config in its JSON form ({ model, training, overrides }; see resolveDeepConfig), or an
   * already resolved DeepConfig. Absent fields take the reference defaults.
   */
  config?: unknown;
  /** Folder for checkpoints and the live training.jsonl (the CLI uses the model's output folder). */
  workDir?: string;
  /** Continue from the last checkpoint in workDir. */
  resume?: boolean;
}

/** A ModelTrainer for one deep architecture. */
export function createDeepTrainer(name: string, description: string, build: (options: BuildOptions) => tf.LayersModel): ModelTrainer<DeepTrainerConfig> {
  return {
    name,
    family: 'deep',
    description,
    async train(data: TrainingData, options: DeepTrainerConfig = {}, progress?: TrainingProgress): Promise<TrainedModel> {
      const config = resolveDeepConfig(options.config ?? {}, name);
      const result = await fitDeepModel({ name, build, data, config, workDir: options.workDir, resume: options.resume, progress });
      return new DeepTrainedModel(name, result.model, config, result.history, {
        model: name,
        backend: tf.getBackend(),
        bestEpoch: result.bestEpoch,
        epochsRun: result.history.length,
        stoppedBy: result.stoppedBy,
        resumedFrom: result.resumedFrom,
        trainSamples: data.train.length,
        validation: result.validation,
        trainSeconds: result.trainSeconds,
        samplesPerSecond: result.samplesPerSecond,
        engine: result.engine,
      });
    },
  };
}
