import type { FeatureFamily } from './FeatureFamily';
import type { FeatureKernel } from './FeatureKernel';

/**
 * One model input computed from candles. `formula` is the documentation and part of the
 * FeatureSpec hash: change the math, change the formula text, and every artifact trained on the old
 * definition stops matching. Each `create()` returns a fresh, causal kernel (also a streaming
 * indicator); its `getRequiredInputs()` is the feature's warm-up in candles.
 */
export interface FeatureDefinition {
  name: string;
  formula: string;
  create(): FeatureKernel;
  /**
   * For features with infinite memory (EMA, Wilder smoothing): candles after which the candles
   * before them weigh less than MEMORY_TOLERANCE in the value. A stream started that many candles
   * back gives the value a stream started at the beginning of history gives, to float precision,
   * which is what lets the edge compute from a short tail exactly what training computed from the
   * whole series. Absent for finite-window features (their warm-up is exact).
   */
  memory?: number;
  /**
   * Set when the feature is part `part` of a family's kernel: a stream holding several members runs
   * that kernel once per candle. `create()` gives the same values on its own.
   */
  family?: { of: FeatureFamily; part: number };
}

/** Relative weight below which older candles no longer matter (under float32's 6e-8 resolution x 16). */
export const MEMORY_TOLERANCE = 1e-6;

/** Candles until an exponential average with smoothing `alpha` forgets its start to MEMORY_TOLERANCE. */
export function exponentialMemory(alpha: number): number {
  return Math.ceil(Math.log(MEMORY_TOLERANCE) / Math.log(1 - alpha));
}

/** The same for Wilder's smoothing over `period` (alpha = 1 / period). */
export function wilderMemory(period: number): number {
  return exponentialMemory(1 / period);
}

/** The same for an EMA over `period` (alpha = 2 / (period + 1)). */
export function emaMemory(period: number): number {
  return exponentialMemory(2 / (period + 1));
}
