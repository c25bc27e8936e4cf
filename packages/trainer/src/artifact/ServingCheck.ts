import type { WeightPrecision } from '@candlecast/shared';

/**
 * The publish gate: what the edge will serve (raw candle tail -> features -> quantized members ->
 * ensemble -> calibration) against the fp32 artifact on the training pipeline's windows, over the
 * test windows. Signals must agree on at least 99.5% of them and accuracy may move by at most
 * 0.2 points.
 */
export const QUANTIZATION_GATE = { minAgreement: 0.995, maxAccuracyMove: 0.002 } as const;

export interface ServingCheck {
  precision: WeightPrecision;
  /** What ran the served side's recurrent layers: 'wasm-simd' (inference.wasm, as the edge) or 'typescript'. */
  kernels?: 'wasm-simd' | 'typescript';
  windows: number;
  signalAgreement: number;
  accuracyServed: number;
  accuracyFp32: number;
  maxProbabilityDifference: number;
  passed: boolean;
}
