import { CandlecastError } from '../../errors/CandlecastError';
import { logit, sigmoid } from '../calibration/logit';
import type { EnsembleConfig, EnsembleMethod } from './EnsembleConfig';

/** What the ensemble answered, and from which models. */
export interface EnsembleOutput<P> {
  pBuy: P;
  /** The method actually applied: a stacking config with a missing model reports `average`. */
  method: EnsembleMethod;
  /** Models whose predictions were combined, in config order. */
  used: string[];
  /** Models the config consults that gave no usable prediction (absent, failed to load, not a probability). */
  missing: string[];
}

/** A model's p(BUY) per sample; null or undefined when the model is missing or failed. */
export type ModelPredictions = Record<string, Float32Array | readonly number[] | null | undefined>;

/** The members an ensemble combines for one pattern of present models (internal; see EnsembleCombiner). */
export interface Members {
  method: EnsembleMethod;
  used: string[];
  missing: string[];
  /** Renormalised weights (vote/average) or stacking coefficients, aligned with `used`. */
  weights: number[];
  intercept: number;
}

export function resolveMembers(config: EnsembleConfig, present: (name: string) => boolean): Members {
  const weighted = config.method === 'stacking' ? config.fallbackWeights : config.weights;
  const consulted = config.method === 'stacking' ? config.models : Object.keys(weighted).filter((name) => weighted[name] > 0);
  const used = consulted.filter(present);
  const missing = consulted.filter((name) => !present(name));
  if (config.method === 'stacking' && missing.length === 0) {
    return { method: 'stacking', used, missing, weights: [...config.coefficients], intercept: config.intercept };
  }
  const fallback = config.method === 'stacking';
  const members = fallback ? Object.keys(weighted).filter((name) => weighted[name] > 0 && present(name)) : used;
  const total = members.reduce((sum, name) => sum + weighted[name], 0);
  if (members.length === 0 || !(total > 0)) {
    throw new CandlecastError('no_models', `no model of the ensemble answered; missing: ${missing.join(', ') || '(none configured)'}`);
  }
  return { method: fallback ? 'average' : config.method, used: members, missing, weights: members.map((name) => weighted[name] / total), intercept: 0 };
}

export function combine(members: Members, p: (k: number) => number): number {
  let sum = members.method === 'stacking' ? members.intercept : 0;
  for (let k = 0; k < members.used.length; k++) {
    const q = p(k);
    if (members.method === 'stacking') sum += members.weights[k] * logit(q);
    else if (members.method === 'average') sum += members.weights[k] * q;
    else sum += members.weights[k] * (q > 0.5 ? 1 : q < 0.5 ? 0 : 0.5);
  }
  if (members.method === 'stacking') return sigmoid(sum);
  return sum < 0 ? 0 : sum > 1 ? 1 : sum;
}

export const isProbability = (p: unknown): p is number => typeof p === 'number' && p >= 0 && p <= 1;

/**
 * Combines one sample's per-model p(BUY). Models that are absent, null or not a probability count
 * as missing and the rest are renormalised; throws `no_models` when none is left.
 */
export function combineProbabilities(config: EnsembleConfig, predictions: Record<string, number | null | undefined>): EnsembleOutput<number> {
  const members = resolveMembers(config, (name) => isProbability(predictions[name]));
  return { pBuy: combine(members, (k) => predictions[members.used[k]] as number), method: members.method, used: members.used, missing: members.missing };
}

/**
 * Combines whole prediction arrays (one per model, aligned by sample). A model is missing when its
 * array is absent, has the wrong length or holds a value outside [0, 1]; output is float32.
 */
export function combineProbabilityArrays(config: EnsembleConfig, predictions: ModelPredictions, sampleCount: number): EnsembleOutput<Float32Array> {
  const usable = (name: string) => {
    const p = predictions[name];
    if (!p || p.length !== sampleCount) return false;
    for (let i = 0; i < p.length; i++) if (!isProbability(p[i])) return false;
    return true;
  };
  const members = resolveMembers(config, usable);
  const arrays = members.used.map((name) => predictions[name] as ArrayLike<number>);
  const pBuy = new Float32Array(sampleCount);
  for (let i = 0; i < sampleCount; i++) pBuy[i] = combine(members, (k) => arrays[k][i]);
  return { pBuy, method: members.method, used: members.used, missing: members.missing };
}
