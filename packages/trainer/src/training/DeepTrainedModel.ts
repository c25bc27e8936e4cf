import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import type { Dataset } from '@candlecast/shared';
import { loadLayersModel, saveLayersModel } from '../models/fileSystemHandler';
import type { DeepConfig } from './DeepConfig';
import type { EpochRecord } from './EpochRecord';
import type { StopReason } from './fitDeepModel';
import type { TrainedModel } from './ModelTrainer';
import { predictProbabilities } from './predictProbabilities';
import { toJsonLines } from './TrainingLog';

/** What metrics.json of a deep model folder holds after training (the CLI adds test results). */
export interface DeepModelMetrics {
  model: string;
  backend: string;
  bestEpoch: number;
  epochsRun: number;
  stoppedBy: StopReason;
  resumedFrom: number;
  trainSamples: number;
  validation: { loss: number; accuracy: number; samples: number } | null;
  trainSeconds: number;
  samplesPerSecond: number;
  [extra: string]: unknown;
}

/**
 * A trained tfjs model with its config, history and metrics. A model folder holds model.json +
 * weights.bin (loadable by tfjs and by loadDeepModel), history.json, training.jsonl,
 * metrics.json and config.json.
 */
export class DeepTrainedModel implements TrainedModel {
  readonly family = 'deep' as const;
  private disposed = false;

  constructor(
    readonly name: string,
    readonly model: tf.LayersModel,
    readonly config: DeepConfig,
    readonly history: readonly EpochRecord[],
    readonly metrics: DeepModelMetrics,
  ) {}

  async predict(dataset: Dataset, samples: readonly number[]): Promise<Float32Array> {
    return predictProbabilities(this.model, dataset, samples, this.config.training.predictBatchSize);
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await saveLayersModel(this.model, dir);
    await writeFile(join(dir, 'history.json'), `${JSON.stringify(this.history, null, 2)}\n`);
    await writeFile(join(dir, 'training.jsonl'), toJsonLines(this.history));
    await writeFile(join(dir, 'metrics.json'), `${JSON.stringify(this.metrics, null, 2)}\n`);
    await writeFile(join(dir, 'config.json'), `${JSON.stringify({ model: this.config.model, training: this.config.training }, null, 2)}\n`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
  }
}

/** Loads a model folder written by DeepTrainedModel.save. */
export async function loadDeepModel(dir: string): Promise<DeepTrainedModel> {
  const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(join(dir, file), 'utf8')) as T;
  const [config, history, metrics] = await Promise.all([readJson<DeepConfig>('config.json'), readJson<EpochRecord[]>('history.json'), readJson<DeepModelMetrics>('metrics.json')]);
  const model = await loadLayersModel(dir);
  return new DeepTrainedModel(metrics.model, model, config, history, metrics);
}
