import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { accuracy, CandlecastError, SeededRandom } from '@candlecast/shared';
import { chooseFastModelStep, type FastModelStep } from '../fast/FastModelStep';
import type { BuildOptions } from '../models/modelParts';
import { fillBatch, type Batch } from './batches';
import { hasCheckpoint, restoreCheckpoint, saveBestCheckpoint, saveLastCheckpoint } from './checkpoint';
import { classWeights } from './classWeights';
import { ConfigError } from './ConfigError';
import type { DeepConfig } from './DeepConfig';
import { mixSeed, seedDropoutLayers } from './dropoutSeeds';
import type { EpochRecord } from './EpochRecord';
import type { TrainingData, TrainingProgress } from './ModelTrainer';
import { initialPlateauState, plateauStep } from './Plateau';
import { crossEntropy, predictProbabilities } from './predictProbabilities';
import { TrainingLog } from './TrainingLog';
import { trainStep } from './trainStep';

export interface FitOptions {
  /** Registry name (lstm, gru, ...), written into logs and checkpoints. */
  name: string;
  build: (options: BuildOptions) => tf.LayersModel;
  data: TrainingData;
  config: DeepConfig;
  /** Folder for checkpoints/{best,last} and the live training.jsonl; absent = nothing written. */
  workDir?: string;
  /** Continue from `<workDir>/checkpoints/last` when it exists. */
  resume?: boolean;
  progress?: TrainingProgress;
}

export type StopReason = 'epochs' | 'early_stopping' | 'time_budget';

export interface FitResult {
  /** The model with the best epoch's weights restored. The caller owns (and disposes) it. */
  model: tf.LayersModel;
  history: EpochRecord[];
  /** 1-based epoch whose weights the model holds. */
  bestEpoch: number;
  stoppedBy: StopReason;
  /** Validation loss and accuracy of the best epoch (null without validation samples). */
  validation: { loss: number; accuracy: number; samples: number } | null;
  /** Epoch the run continued after (0 for a fresh run). */
  resumedFrom: number;
  /** Training time (validation excluded) and throughput over every epoch, resumed ones included. */
  trainSeconds: number;
  samplesPerSecond: number;
  /** What computed the training steps: the fast engine's description, or "tfjs". */
  engine: string;
}

/**
 * The training loop of every deep model: seeded shuffling per epoch, class-weighted batches
 * materialised from the dataset, Adam, validation after each epoch, reduce-on-plateau, early
 * stopping with best-weights restore, best/last checkpoints and a JSON-lines log under
 * `workDir`, resume, and an optional time budget. On the cpu backend the same seed gives the
 * same weights, and a resumed run ends where an uninterrupted one would. Leaves no tensors
 * behind besides the returned model's weights.
 */
export async function fitDeepModel(options: FitOptions): Promise<FitResult> {
  const { name, data, config, workDir } = options;
  const { dataset, train, validation, seed } = data;
  const settings = config.training;
  if (config.model.windowLength !== dataset.windowLength) {
    throw new ConfigError('model.windowLength', `is ${config.model.windowLength}, but the dataset's windows have ${dataset.windowLength} rows`);
  }
  if (train.length === 0) throw new CandlecastError('empty_training_set', `${name}: no training samples`);
  const emit = (message: string, epoch?: number, metrics?: Record<string, number>) =>
    options.progress?.({ model: name, epoch, epochs: settings.epochs, message, metrics });

  const model = options.build({ config: config.model, featureCount: dataset.featureCount, seed });
  const optimizer = tf.train.adam(settings.learningRate);
  let bestWeights: tf.Tensor[] | null = null;
  let fast: FastModelStep | null = null;
  try {
    let plateau = initialPlateauState(settings.learningRate);
    let history: EpochRecord[] = [];
    let firstEpoch = 1;
    let elapsedBefore = 0;
    const identity = { model: name, config, seed, trainSamples: train.length, validationSamples: validation.length };
    if (options.resume && workDir && hasCheckpoint(workDir)) {
      const restored = await restoreCheckpoint(model, optimizer, workDir, identity);
      ({ plateau, history } = restored.state);
      bestWeights = restored.bestWeights;
      firstEpoch = restored.state.epoch + 1;
      elapsedBefore = restored.state.elapsedSeconds;
      setLearningRate(optimizer, plateau.learningRate);
      emit(`resumed after epoch ${restored.state.epoch}`, restored.state.epoch);
    } else if (options.resume) {
      emit('no checkpoint to resume from; starting fresh');
    }
    // After a resume, so the engine starts from the restored weights and Adam state.
    if (settings.engine !== 'tfjs') {
      const choice = await chooseFastModelStep(model, optimizer, settings.engine, { batchSize: settings.batchSize, threads: 'auto' });
      if (!choice.step && settings.engine === 'fast') throw new CandlecastError('fast_engine_unavailable', `${name}: ${choice.reason}`);
      fast = choice.step;
      emit(fast ? `training steps: ${choice.reason}` : `training steps: tfjs (${choice.reason})`);
    }
    const log = workDir ? new TrainingLog(join(workDir, 'training.jsonl')) : null;
    log?.reset(history);

    const lossWeights = classWeights(dataset.labels, train, settings.classWeight);
    const validationLabels = validation.map((i) => dataset.labels[i]);
    const budgetMs = settings.maxMinutes === null ? Number.POSITIVE_INFINITY : settings.maxMinutes * 60_000;
    const runStart = performance.now() - elapsedBefore * 1000;
    let trainMs = history.reduce((sum, r) => sum + (r.trainSamples / Math.max(r.samplesPerSecond, 1e-9)) * 1000, 0);
    let trainedSamples = history.reduce((sum, r) => sum + r.trainSamples, 0);
    let stoppedBy: StopReason = 'epochs';
    let stopEarly = false;

    for (let epoch = firstEpoch; epoch <= settings.epochs && !stopEarly && stoppedBy === 'epochs'; epoch++) {
      const epochStart = performance.now();
      const random = new SeededRandom(mixSeed(seed, epoch));
      const order = random.shuffle(Int32Array.from(train));
      const count = settings.samplesPerEpoch === null ? order.length : Math.min(order.length, settings.samplesPerEpoch);
      const batches = Math.ceil(count / settings.batchSize);
      const shortHistory = config.model.minHistory < dataset.windowLength && settings.shortHistoryRate > 0 ? { minHistory: config.model.minHistory, rate: settings.shortHistoryRate, random } : undefined;
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let batch: Batch | undefined;
      for (let b = 0; b < batches; b++) {
        const samples = order.subarray(b * settings.batchSize, Math.min(count, (b + 1) * settings.batchSize));
        batch = fillBatch(dataset, samples, lossWeights, shortHistory, batch);
        const step = fast ? fast.step(batch, mixSeed(seed, epoch, b)) : (seedDropoutLayers(model, mixSeed(seed, epoch, b)), trainStep(model, optimizer, batch));
        lossSum += step.loss * samples.length;
        correct += step.correct;
        seen += samples.length;
        const seconds = (performance.now() - epochStart) / 1000;
        emit(`batch ${b + 1}/${batches}`, epoch, { batch: b + 1, batches, loss: lossSum / seen, accuracy: correct / seen, samplesPerSecond: seen / seconds, seconds });
        if (performance.now() - runStart > budgetMs) {
          stoppedBy = 'time_budget';
          break;
        }
      }
      seedDropoutLayers(model, undefined);
      const epochTrainMs = performance.now() - epochStart;
      trainMs += epochTrainMs;
      trainedSamples += seen;

      let valLoss: number | null = null;
      let valAccuracy: number | null = null;
      if (validation.length > 0) {
        const pBuy = fast ? fast.predictProbabilities(dataset, validation, settings.predictBatchSize) : predictProbabilities(model, dataset, validation, settings.predictBatchSize);
        valLoss = crossEntropy(pBuy, validationLabels);
        valAccuracy = accuracy(pBuy, validationLabels);
      }
      const learningRate = plateau.learningRate;
      const decision = plateauStep(plateau, valLoss ?? lossSum / seen, epoch, settings);
      plateau = decision.state;
      if (decision.improved) {
        tf.dispose(bestWeights ?? []);
        bestWeights = tf.tidy(() => model.getWeights().map((w) => w.clone()));
        if (workDir) await saveBestCheckpoint(model, workDir);
      }
      const record: EpochRecord = {
        model: name,
        epoch,
        loss: lossSum / seen,
        accuracy: correct / seen,
        valLoss,
        valAccuracy,
        learningRate,
        trainSamples: seen,
        samplesPerSecond: seen / (epochTrainMs / 1000),
        seconds: (performance.now() - epochStart) / 1000,
        best: decision.improved,
        time: new Date().toISOString(),
      };
      history.push(record);
      log?.append(record);
      emit('epoch', epoch, epochMetrics(record));
      if (decision.reduced) {
        setLearningRate(optimizer, plateau.learningRate);
        emit(`learning rate reduced to ${plateau.learningRate.toExponential(2)}`, epoch);
      }
      if (workDir) {
        await fast?.syncOptimizer();
        const elapsedSeconds = (performance.now() - runStart) / 1000;
        await saveLastCheckpoint(model, optimizer, { ...identity, epoch, plateau, history, elapsedSeconds }, workDir);
      }
      if (decision.stop) {
        stopEarly = true;
        emit(`early stopping: no validation improvement in ${settings.patience} epochs; best epoch ${plateau.bestEpoch}`, epoch);
      }
      if (stoppedBy === 'time_budget') emit(`time budget of ${settings.maxMinutes} min reached`, epoch);
    }
    if (bestWeights) model.setWeights(bestWeights);
    const best = history.find((r) => r.epoch === plateau.bestEpoch);
    return {
      model,
      history,
      bestEpoch: plateau.bestEpoch,
      stoppedBy: stopEarly ? 'early_stopping' : stoppedBy,
      validation: best && best.valLoss !== null && best.valAccuracy !== null ? { loss: best.valLoss, accuracy: best.valAccuracy, samples: validation.length } : null,
      resumedFrom: firstEpoch - 1,
      trainSeconds: trainMs / 1000,
      samplesPerSecond: trainedSamples / Math.max(trainMs / 1000, 1e-9),
      engine: fast ? fast.description : 'tfjs',
    };
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    fast?.dispose();
    tf.dispose(bestWeights ?? []);
    optimizer.dispose();
  }
}

function epochMetrics(record: EpochRecord): Record<string, number> {
  const metrics: Record<string, number> = {
    loss: record.loss,
    accuracy: record.accuracy,
    learningRate: record.learningRate,
    samplesPerSecond: record.samplesPerSecond,
    seconds: record.seconds,
    best: record.best ? 1 : 0,
  };
  if (record.valLoss !== null) metrics.valLoss = record.valLoss;
  if (record.valAccuracy !== null) metrics.valAccuracy = record.valAccuracy;
  return metrics;
}

/** tfjs's Adam reads its learning rate on every step but exposes no setter. */
function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}
