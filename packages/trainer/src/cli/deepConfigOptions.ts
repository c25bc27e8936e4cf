import { CandlecastError, type GapPolicy } from '@candlecast/shared';
import { resolveModelConfig } from '../models/ModelConfig';
import { resolveDeepConfig, type DeepConfig } from '../training/DeepConfig';
import type { ModelTrainer } from '../training/ModelTrainer';
import { resolveTrainingConfig, TRAINING_ENGINES } from '../training/TrainingConfig';
import { resolveModels } from '../training/trainers';
import { parseIntegerOption, parseNumberOption } from './options';

/** Raw CLI values that override the deep config for every model (commander hands strings). */
export interface DeepConfigFlags {
  window?: string;
  minHistory?: string;
  epochs?: string;
  batchSize?: string;
  maxMinutes?: string;
  samplesPerEpoch?: string;
  /** Training engine: auto | fast | tfjs. */
  engine?: string;
}

/** The flags as partial `model` and `training` sections, validated again when resolved. */
export interface DeepConfigOverrides {
  model: Record<string, unknown>;
  training: Record<string, unknown>;
}

/**
 * Parses the deep-model flags; errors name the option. `maxMinutesOption` is how the command
 * spells the time budget (`--max-minutes` for train, `--max-minutes-per-model` for evaluate).
 */
export function deepConfigOverrides(flags: DeepConfigFlags, maxMinutesOption = '--max-minutes'): DeepConfigOverrides {
  const model: Record<string, unknown> = {};
  const training: Record<string, unknown> = {};
  if (flags.engine !== undefined) {
    if (!(TRAINING_ENGINES as readonly string[]).includes(flags.engine)) throw new CandlecastError('invalid_option', `--engine must be one of ${TRAINING_ENGINES.join(', ')}, got "${flags.engine}"`);
    training.engine = flags.engine;
  }
  if (flags.window !== undefined) model.windowLength = parseIntegerOption('--window', flags.window, 30, 120);
  if (flags.minHistory !== undefined) model.minHistory = parseIntegerOption('--min-history', flags.minHistory, 1, 120);
  if (flags.epochs !== undefined) training.epochs = parseIntegerOption('--epochs', flags.epochs, 1, 100);
  if (flags.batchSize !== undefined) training.batchSize = parseIntegerOption('--batch-size', flags.batchSize, 1, 8192);
  if (flags.maxMinutes !== undefined) training.maxMinutes = parseNumberOption(maxMinutesOption, flags.maxMinutes, 0.01, 1e6);
  if (flags.samplesPerEpoch !== undefined) training.samplesPerEpoch = parseIntegerOption('--samples-per-epoch', flags.samplesPerEpoch, 1, 1e9);
  return { model, training };
}

/** The DeepConfig of one model: the JSON config (with its `overrides.<model>`), then the CLI flags on top. */
export function resolveDeepConfigWithFlags(rawConfig: unknown, overrides: DeepConfigOverrides, name?: string): DeepConfig {
  const base = resolveDeepConfig(rawConfig, name);
  return { model: resolveModelConfig(overrides.model, 'model', base.model), training: resolveTrainingConfig(overrides.training, 'training', base.training) };
}

/** `--models a,b,c` as trainers; an unknown name is an error naming the option and the known models. */
export function parseModelsOption(list: string): ModelTrainer[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  try {
    return resolveModels(names);
  } catch (error) {
    if (error instanceof CandlecastError) throw new CandlecastError('invalid_option', `--models: ${error.message}`);
    throw error;
  }
}

/** `--gaps`: fail, fill or segment (default fill). */
export function parseGapsOption(raw: string | undefined): GapPolicy {
  const gaps = raw ?? 'fill';
  if (!['fail', 'fill', 'segment'].includes(gaps)) throw new CandlecastError('invalid_option', `--gaps must be fail, fill or segment, got "${gaps}"`);
  return gaps as GapPolicy;
}
