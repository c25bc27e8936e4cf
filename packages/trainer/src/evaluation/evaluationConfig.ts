import { ConfigError } from '../training/ConfigError';
import { readObject } from '../training/configFields';
import { GRADIENT_BOOSTING_DEFAULTS } from '../trees/trainGradientBoosting';
import type { GradientBoostingConfig } from '../trees/gradientBoostingTrainer';
import type { RandomForestConfig } from '../trees/randomForestTrainer';
import { RANDOM_FOREST_DEFAULTS } from '../trees/trainRandomForest';

/** Tree options from an evaluate config file's `trees` section. */
export interface TreeConfigs {
  rf: RandomForestConfig;
  gbdt: GradientBoostingConfig;
}

/**
 * `--quick`: small deep models, two epochs of 1,024 samples. The config file still wins where it
 * says otherwise: it is layered on top of these.
 */
export const QUICK_DEEP_CONFIG = {
  model: { recurrentUnits: [16, 8], denseUnits: 8, attentionUnits: 8, transformer: { dModel: 16, heads: 2, ffDim: 32, blocks: 1 } },
  training: { epochs: 2, samplesPerEpoch: 1024 },
};

const RF_FIELDS = [...Object.keys(RANDOM_FOREST_DEFAULTS), 'minSamplesSplit', 'columns'];
const GBDT_FIELDS = [...Object.keys(GRADIENT_BOOSTING_DEFAULTS), 'columns'];

/**
 * Splits an evaluate config, `{ model, training, overrides, trees: { rf, gbdt } }`, into the deep
 * part (what resolveDeepConfig reads) and the tree options. Unknown tree fields are errors naming
 * the field, so a typo is not silently ignored; values are checked by the tree trainers.
 */
export function splitEvaluationConfig(raw: unknown): { deep: Record<string, unknown>; trees: TreeConfigs } {
  if (raw === undefined) return { deep: {}, trees: { rf: {}, gbdt: {} } };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError('(root)', `must be an object, got ${JSON.stringify(raw)}`);
  const { trees, ...deep } = raw as Record<string, unknown>;
  const section = readObject(trees, 'trees', ['rf', 'gbdt']);
  return {
    deep,
    trees: { rf: readObject(section.rf, 'trees.rf', RF_FIELDS) as RandomForestConfig, gbdt: readObject(section.gbdt, 'trees.gbdt', GBDT_FIELDS) as GradientBoostingConfig },
  };
}

/** `over` laid on `base`: plain objects merge key by key, anything else (arrays included) replaces. */
export function layerConfig(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = layerConfig(base[key], value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
