import { fitNormalisation, normaliseRows, rowsCoveredBy, type Dataset, type Normalisation } from '@candlecast/shared';

/**
 * A copy of `dataset` whose feature rows are standardised with statistics fitted on the rows that
 * the given training samples' windows cover, and nothing later: each fold sees the scale of its
 * own past only. The input dataset is left unnormalised.
 */
export function normaliseForFold(dataset: Dataset, trainingSamples: readonly number[]): { dataset: Dataset; normalisation: Normalisation } {
  const rows = rowsCoveredBy(
    trainingSamples.map((i) => dataset.ends[i]),
    dataset.windowLength,
  );
  const normalisation = fitNormalisation(dataset.features, dataset.featureCount, rows);
  const features = Float32Array.from(dataset.features);
  normaliseRows(features, normalisation);
  return { dataset: { ...dataset, features }, normalisation };
}
