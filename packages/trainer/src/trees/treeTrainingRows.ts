import { BUY, CandlecastError, createTabularSpec, fillTabular, SELL, type Dataset, type TabularColumn, type TabularSpec } from '@candlecast/shared';

/** Tabular rows and 0/1 labels of some samples of a normalised dataset. */
export function treeTrainingRows(dataset: Dataset, samples: readonly number[], tabular: TabularSpec): { x: Float32Array; labels: Uint8Array } {
  const labels = new Uint8Array(samples.length);
  samples.forEach((sample, i) => {
    const label = dataset.labels[sample];
    if (label !== BUY && label !== SELL) {
      throw new CandlecastError('invalid_label', `tree models are two-class (BUY/SELL); sample ${sample} has label ${label}`);
    }
    labels[i] = label;
  });
  return { x: fillTabular(tabular, dataset, samples), labels };
}

/** The tabular spec a tree trainer uses: the given columns, or the default ones over the dataset's features. */
export function treeTabularSpec(dataset: Dataset, columns?: readonly TabularColumn[]): TabularSpec {
  return createTabularSpec(dataset.spec, columns);
}
