import { CandlecastError } from '@candlecast/shared';
import { buildGru } from '../models/gru';
import { buildLstm } from '../models/lstm';
import { buildLstmAttention } from '../models/lstmAttention';
import { buildTransformer } from '../models/transformer';
import { gradientBoostingTrainer } from '../trees/gradientBoostingTrainer';
import { randomForestTrainer } from '../trees/randomForestTrainer';
import { createDeepTrainer } from './deepTrainer';
import type { ModelTrainer } from './ModelTrainer';

/** Every model family the CLI and the evaluation can train, by name. Add one line per family. */
export const TRAINERS: Record<string, ModelTrainer> = {
  lstm: createDeepTrainer('lstm', 'reference LSTM: LSTM 128 -> LSTM 64 -> dense 32 -> softmax', buildLstm),
  gru: createDeepTrainer('gru', 'the reference stack with GRU cells', buildGru),
  'lstm-attention': createDeepTrainer('lstm-attention', 'LSTM + additive attention over the time steps', buildLstmAttention),
  transformer: createDeepTrainer('transformer', 'small transformer encoder (positional encoding, multi-head self-attention)', buildTransformer),
  rf: randomForestTrainer,
  gbdt: gradientBoostingTrainer,
};

/** Looks trainers up by name, in the given order; an unknown name is an error listing the known ones. */
export function resolveModels(names: readonly string[]): ModelTrainer[] {
  if (names.length === 0) throw new CandlecastError('unknown_model', `no models named; known: ${Object.keys(TRAINERS).join(', ')}`);
  return names.map((name) => {
    const trainer = Object.hasOwn(TRAINERS, name) ? TRAINERS[name] : undefined;
    if (!trainer) throw new CandlecastError('unknown_model', `unknown model "${name}"; known: ${Object.keys(TRAINERS).join(', ')}`);
    return trainer;
  });
}
