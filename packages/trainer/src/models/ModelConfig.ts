import { ConfigError } from '../training/ConfigError';
import { readInteger, readIntegerList, readNumber, readObject } from '../training/configFields';

/** Sizes of the small transformer encoder. */
export interface TransformerConfig {
  /** Width of the per-step projection and of every block (divisible by `heads`). */
  dModel: number;
  heads: number;
  /** Hidden width of each block's feed-forward part. */
  ffDim: number;
  blocks: number;
  /** Dropout after the positional encoding and after the pooling (training only). */
  dropout: number;
}

/**
 * Architecture of the deep models. The defaults are the reference LSTM: [60, 20] -> LSTM 128
 * (sequences) -> dropout 0.2 -> LSTM 64 -> dropout 0.2 -> dense 32 relu -> dense 2 softmax.
 */
export interface ModelConfig {
  /** Candles per input window, W (30-120). */
  windowLength: number;
  /**
   * Shortest real history a model accepts, in candles. Equal to `windowLength` (the default): no
   * masking, every input is a full window. Smaller: the model starts with a Masking layer and
   * accepts left-padded windows (see historyPadding.ts).
   */
  minHistory: number;
  /** Units of each stacked recurrent layer (lstm, gru, lstm-attention). */
  recurrentUnits: number[];
  /** Units of the relu dense layer before the softmax head. */
  denseUnits: number;
  /** Dropout after each recurrent layer. */
  dropout: number;
  /** Width of the additive attention scorer (lstm-attention). */
  attentionUnits: number;
  transformer: TransformerConfig;
}

export const DEFAULT_MODEL_CONFIG: ModelConfig = {
  windowLength: 60,
  minHistory: 60,
  recurrentUnits: [128, 64],
  denseUnits: 32,
  dropout: 0.2,
  attentionUnits: 32,
  transformer: { dModel: 32, heads: 4, ffDim: 64, blocks: 2, dropout: 0.1 },
};

const MODEL_FIELDS = ['windowLength', 'minHistory', 'recurrentUnits', 'denseUnits', 'dropout', 'attentionUnits', 'transformer'] as const;
const TRANSFORMER_FIELDS = ['dModel', 'heads', 'ffDim', 'blocks', 'dropout'] as const;

/** Validates a (partial) model section over `base`; errors name the field, e.g. `model.transformer.heads`. */
export function resolveModelConfig(raw: unknown, path = 'model', base: ModelConfig = DEFAULT_MODEL_CONFIG): ModelConfig {
  const object = readObject(raw, path, MODEL_FIELDS);
  const windowLength = readInteger(object, 'windowLength', path, 30, 120, base.windowLength);
  // Masking stays off when only the window length changes, unless the base config had it on.
  const minHistory = readInteger(object, 'minHistory', path, 1, 120, base.minHistory === base.windowLength ? windowLength : Math.min(base.minHistory, windowLength));
  if (minHistory > windowLength) throw new ConfigError(`${path}.minHistory`, `must be at most windowLength (${windowLength}), got ${minHistory}`);
  const transformerPath = `${path}.transformer`;
  const transformerRaw = readObject(object.transformer, transformerPath, TRANSFORMER_FIELDS);
  const t = base.transformer;
  const transformer: TransformerConfig = {
    dModel: readInteger(transformerRaw, 'dModel', transformerPath, 1, 1024, t.dModel),
    heads: readInteger(transformerRaw, 'heads', transformerPath, 1, 64, t.heads),
    ffDim: readInteger(transformerRaw, 'ffDim', transformerPath, 1, 4096, t.ffDim),
    blocks: readInteger(transformerRaw, 'blocks', transformerPath, 1, 12, t.blocks),
    dropout: readNumber(transformerRaw, 'dropout', transformerPath, 0, 0.9, t.dropout),
  };
  if (transformer.dModel % transformer.heads !== 0) {
    throw new ConfigError(`${transformerPath}.heads`, `dModel ${transformer.dModel} must be divisible by heads, got ${transformer.heads}`);
  }
  return {
    windowLength,
    minHistory,
    recurrentUnits: readIntegerList(object, 'recurrentUnits', path, 1, 1024, base.recurrentUnits),
    denseUnits: readInteger(object, 'denseUnits', path, 1, 1024, base.denseUnits),
    dropout: readNumber(object, 'dropout', path, 0, 0.9, base.dropout),
    attentionUnits: readInteger(object, 'attentionUnits', path, 1, 1024, base.attentionUnits),
    transformer,
  };
}
