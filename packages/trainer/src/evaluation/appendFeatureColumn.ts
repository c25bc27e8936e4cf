import type { Dataset } from '@candlecast/shared';
import { featureValues, type CandleFeature } from './CandleFeature';

/**
 * A copy of `dataset` with one more feature column computed over its candles (unnormalised, like
 * the others), for canaries such as the planted next-candle return. Non-finite values become 0 so
 * normalisation stays finite. The spec gets the extra name and a hash suffix marking it as
 * altered, so such a dataset can never pass for the real spec.
 */
export function appendFeatureColumn(dataset: Dataset, feature: CandleFeature): Dataset {
  const column = featureValues(feature, dataset.candles);
  const oldCount = dataset.featureCount;
  const featureCount = oldCount + 1;
  const features = new Float32Array(dataset.rows * featureCount);
  for (let r = 0; r < dataset.rows; r++) {
    features.set(dataset.features.subarray(r * oldCount, (r + 1) * oldCount), r * featureCount);
    features[r * featureCount + oldCount] = Number.isFinite(column[r]) ? column[r] : 0;
  }
  const spec = { ...dataset.spec, names: [...dataset.spec.names, feature.name], hash: `${dataset.spec.hash}+${feature.name}` };
  return { ...dataset, spec, featureCount, features };
}
