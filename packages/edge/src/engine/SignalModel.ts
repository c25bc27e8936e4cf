import type { Candle } from '@candlecast/shared';

/** BUY, SELL, or HOLD when the calibrated probability sits inside the model's abstain band. */
export type Signal = 'BUY' | 'SELL' | 'HOLD';

/** What one prediction returns, before the HTTP layer adds symbol, version and timings. */
export interface SignalResult {
  signal: Signal;
  /** Calibrated ensemble probability that the next close is above the last close. */
  pBuy: number;
  /** max(pBuy, 1 - pBuy): how sure the ensemble is of the side it would take. */
  confidence: number;
  /** Each member model's p(BUY) before ensembling and calibration. */
  models: Record<string, { buy: number }>;
  /** Members the ensemble expected but could not use (renormalised over the rest). */
  missingModels?: string[];
  /** Per-step attention weights over the window, oldest first, when a model has attention. */
  attention?: number[];
}

/** A loaded, verified artifact that can answer signal requests. Implementations run pure-TS kernels only. */
export interface SignalModel {
  readonly version: string;
  /** Candles a request must bring: feature warm-up + window length - 1. */
  readonly minCandles: number;
  readonly windowLength: number;
  readonly featureSpec: { version: number; names: readonly string[]; hash: string };
  /** Manifest fields clients may see on /v1/models (metrics, members, created time...). */
  readonly info: Record<string, unknown>;
  /** Predicts from the newest `minCandles` candles of a validated, contiguous series. */
  predict(candles: readonly Candle[]): SignalResult;
}
