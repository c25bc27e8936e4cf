import { ConfigError } from './ConfigError';
import { readInteger, readNumber, readObject, readOptionalNumber } from './configFields';

/** How labels are weighted in the loss: inverse class frequency, none, or explicit [SELL, BUY] weights. */
export type ClassWeighting = 'balanced' | 'none' | [number, number];

/** The training loop's settings; the defaults are the reference run. */
export interface TrainingConfig {
  /** Maximum epochs (1-100). */
  epochs: number;
  batchSize: number;
  /** Adam's initial learning rate. */
  learningRate: number;
  /** Epochs without a validation-loss improvement of more than `minDelta` before stopping. */
  patience: number;
  minDelta: number;
  /** Epochs without improvement before the learning rate is multiplied by `lrFactor`. */
  lrPatience: number;
  lrFactor: number;
  minLearningRate: number;
  classWeight: ClassWeighting;
  /**
   * Share of training windows cut to a random shorter history (left-padded) each epoch, so a
   * model with minHistory < windowLength learns short inputs. Ignored without masking.
   */
  shortHistoryRate: number;
  /** Training samples drawn (without replacement) per epoch; null = all. Bounds an epoch's time. */
  samplesPerEpoch: number | null;
  /** Wall-clock budget in minutes; training stops after the batch that exceeds it. null = none. */
  maxMinutes: number | null;
  /** Batch size for validation and prediction (no gradients, so it can be larger). */
  predictBatchSize: number;
  /**
   * Who computes the training steps: `auto` uses candlecast's fast CPU engine (src/fast: fused
   * LSTM/GRU forward and backward in SIMD WebAssembly, tested against tfjs's gradients) when the
   * model is a plain LSTM/GRU stack and the SIMD kernels loaded, and tfjs otherwise; `fast`
   * requires the engine (an error says why it cannot run); `tfjs` always uses tfjs.
   */
  engine: TrainingEngine;
}

export type TrainingEngine = 'auto' | 'fast' | 'tfjs';
export const TRAINING_ENGINES: readonly TrainingEngine[] = ['auto', 'fast', 'tfjs'];

export const DEFAULT_TRAINING_CONFIG: TrainingConfig = {
  epochs: 50,
  batchSize: 64,
  learningRate: 0.001,
  patience: 8,
  minDelta: 0.0001,
  lrPatience: 3,
  lrFactor: 0.5,
  minLearningRate: 0.00001,
  classWeight: 'balanced',
  shortHistoryRate: 0.3,
  samplesPerEpoch: null,
  maxMinutes: null,
  predictBatchSize: 256,
  engine: 'auto',
};

const TRAINING_FIELDS = Object.keys(DEFAULT_TRAINING_CONFIG);

/** Validates a (partial) training section over `base`; errors name the field, e.g. `training.epochs`. */
export function resolveTrainingConfig(raw: unknown, path = 'training', base: TrainingConfig = DEFAULT_TRAINING_CONFIG): TrainingConfig {
  const object = readObject(raw, path, TRAINING_FIELDS);
  return {
    epochs: readInteger(object, 'epochs', path, 1, 100, base.epochs),
    batchSize: readInteger(object, 'batchSize', path, 1, 8192, base.batchSize),
    learningRate: readNumber(object, 'learningRate', path, 1e-7, 1, base.learningRate),
    patience: readInteger(object, 'patience', path, 1, 100, base.patience),
    minDelta: readNumber(object, 'minDelta', path, 0, 1, base.minDelta),
    lrPatience: readInteger(object, 'lrPatience', path, 1, 100, base.lrPatience),
    lrFactor: readNumber(object, 'lrFactor', path, 0.01, 1, base.lrFactor),
    minLearningRate: readNumber(object, 'minLearningRate', path, 0, 1, base.minLearningRate),
    classWeight: readClassWeight(object.classWeight, `${path}.classWeight`, base.classWeight),
    shortHistoryRate: readNumber(object, 'shortHistoryRate', path, 0, 1, base.shortHistoryRate),
    samplesPerEpoch: readOptionalNumber(object, 'samplesPerEpoch', path, 1, 1e9, base.samplesPerEpoch, true),
    maxMinutes: readOptionalNumber(object, 'maxMinutes', path, 0, 1e6, base.maxMinutes, false),
    predictBatchSize: readInteger(object, 'predictBatchSize', path, 1, 65536, base.predictBatchSize),
    engine: readEngine(object.engine, `${path}.engine`, base.engine),
  };
}

function readEngine(value: unknown, path: string, fallback: TrainingEngine): TrainingEngine {
  if (value === undefined) return fallback;
  if (TRAINING_ENGINES.includes(value as TrainingEngine)) return value as TrainingEngine;
  throw new ConfigError(path, `must be one of ${TRAINING_ENGINES.join(', ')}, got ${JSON.stringify(value)}`);
}

function readClassWeight(value: unknown, path: string, fallback: ClassWeighting): ClassWeighting {
  if (value === undefined) return fallback;
  if (value === 'balanced' || value === 'none') return value;
  if (Array.isArray(value) && value.length === 2 && value.every((w) => typeof w === 'number' && Number.isFinite(w) && w > 0)) {
    return [value[0] as number, value[1] as number];
  }
  throw new ConfigError(path, `must be "balanced", "none" or [sellWeight, buyWeight] (positive numbers), got ${JSON.stringify(value)}`);
}
