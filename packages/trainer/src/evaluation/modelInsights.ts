import { CandlecastError, materializeWindows, SeededRandom, type Dataset } from '@candlecast/shared';
import { attentionWeights } from '../models/attentionWeights';
import { DeepTrainedModel } from '../training/DeepTrainedModel';
import type { TrainedModel } from '../training/ModelTrainer';
import type { FoldEnsemble } from './fitFoldEnsemble';
import { permutationImportance } from './permutationImportance';

/** What the models look at, measured on one test block. */
export interface ModelInsights {
  /** Per model and `ensemble`: feature -> accuracy lost when it is permuted (fraction points). */
  featureImportance: Record<string, Record<string, number>>;
  /** Mean attention weight per window step, oldest first, of the first model with an attention layer. */
  attention?: { model: string; weights: number[] };
  /** Test samples measured on (indices into dataset.ends). */
  samples: number[];
}

/**
 * Permutation importance of every feature for every model and for the calibrated ensemble, and the
 * mean attention per window step of an attention model, on at most `maxSamples` scored test
 * samples drawn at random (seeded) from `scored`. One block, not every fold: each feature costs
 * a full prediction pass per model, which is minutes for a deep model on a CPU.
 */
export async function modelInsights(
  dataset: Dataset,
  scored: readonly number[],
  models: readonly TrainedModel[],
  ensemble: FoldEnsemble,
  options: { maxSamples: number; seed: number; log?: (line: string) => void },
): Promise<ModelInsights> {
  const samples = subsample(scored, options.maxSamples, options.seed);
  const featureImportance: ModelInsights['featureImportance'] = {};
  // permutationImportance permutes deterministically from its seed, so call k of every run sees the
  // same matrix: the ensemble's run replays the models' recorded predictions instead of
  // predicting every permuted matrix a second time (minutes for deep models).
  const recorded = new Map<string, Float32Array[]>();
  for (const model of models) {
    const started = performance.now();
    const calls: Float32Array[] = [];
    const predict = async (d: Dataset, s: readonly number[]) => {
      const pBuy = await model.predict(d, s);
      calls.push(pBuy);
      return pBuy;
    };
    featureImportance[model.name] = (await permutationImportance({ dataset, samples, predict, seed: options.seed })).drop;
    recorded.set(model.name, calls);
    options.log?.(`permutation importance ${model.name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  let call = 0;
  const replayEnsemble = (_: Dataset, s: readonly number[]) => {
    const k = call++;
    return ensemble.combine(Object.fromEntries(models.map((model) => [model.name, recorded.get(model.name)![k]])), s.length);
  };
  featureImportance.ensemble = (await permutationImportance({ dataset, samples, predict: replayEnsemble, seed: options.seed })).drop;
  return { featureImportance, attention: meanAttention(dataset, samples, models), samples };
}

function meanAttention(dataset: Dataset, samples: readonly number[], models: readonly TrainedModel[]): ModelInsights['attention'] {
  for (const model of models) {
    if (!(model instanceof DeepTrainedModel)) continue;
    let alpha: Float32Array;
    try {
      alpha = attentionWeights(model.model, materializeWindows(dataset.features, dataset.featureCount, dataset.windowLength, dataset.ends, samples));
    } catch (error) {
      if (error instanceof CandlecastError && error.code === 'no_attention_layer') continue;
      throw error;
    }
    const steps = dataset.windowLength;
    const weights = new Array<number>(steps).fill(0);
    for (let i = 0; i < alpha.length; i++) weights[i % steps] += alpha[i] / samples.length;
    return { model: model.name, weights };
  }
  return undefined;
}

/** Up to `count` of `samples`, drawn without replacement with a seeded shuffle, back in time order. */
export function subsample(samples: readonly number[], count: number, seed: number): number[] {
  if (samples.length <= count) return [...samples];
  return Array.from(new SeededRandom(seed).shuffle(Int32Array.from(samples)).subarray(0, count)).sort((a, b) => a - b);
}
