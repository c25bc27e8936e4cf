import { readFileSync } from 'node:fs';
import { CandlecastError } from '@candlecast/shared';
import { DEFAULT_MODEL_CONFIG, resolveModelConfig, type ModelConfig } from '../models/ModelConfig';
import { ConfigError } from './ConfigError';
import { readObject } from './configFields';
import { DEFAULT_TRAINING_CONFIG, resolveTrainingConfig, type TrainingConfig } from './TrainingConfig';

/** Architecture plus training settings of one deep model. */
export interface DeepConfig {
  model: ModelConfig;
  training: TrainingConfig;
}

export const DEFAULT_DEEP_CONFIG: DeepConfig = { model: DEFAULT_MODEL_CONFIG, training: DEFAULT_TRAINING_CONFIG };

/**
 * Resolves a config object as a JSON file holds it, for one model:
 *
 *   { "model": { ...ModelConfig fields }, "training": { ...TrainingConfig fields },
 *     "overrides": { "transformer": { "training": { "learningRate": 0.0005 } } } }
 *
 * Every section and field is optional (defaults: the reference values); `overrides.<model>` is
 * applied on top for that model only. Unknown fields and bad values are errors naming the field.
 */
export function resolveDeepConfig(raw: unknown, modelName?: string): DeepConfig {
  const root = readObject(raw, '', ['model', 'training', 'overrides']);
  const base: DeepConfig = {
    model: resolveModelConfig(root.model, 'model'),
    training: resolveTrainingConfig(root.training, 'training'),
  };
  const overrides = readObject(root.overrides, 'overrides', Object.keys((root.overrides as object | undefined) ?? {}));
  if (modelName === undefined || overrides[modelName] === undefined) return base;
  const path = `overrides.${modelName}`;
  const override = readObject(overrides[modelName], path, ['model', 'training']);
  return {
    model: resolveModelConfig(override.model, `${path}.model`, base.model),
    training: resolveTrainingConfig(override.training, `${path}.training`, base.training),
  };
}

/** Reads and validates a JSON config file; errors name the file and the field. */
export function loadDeepConfigFile(path: string, modelName?: string): DeepConfig {
  const raw = readConfigJson(path);
  try {
    return resolveDeepConfig(raw, modelName);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.field, `${error.message.slice(error.field.length + 2)} (in ${path})`);
    throw error;
  }
}

/** The parsed JSON of a config file, for resolving it per model. */
export function readConfigJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CandlecastError('config_not_found', `cannot read config ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CandlecastError('invalid_config', `${path}: not valid JSON (${(error as Error).message})`);
  }
}
