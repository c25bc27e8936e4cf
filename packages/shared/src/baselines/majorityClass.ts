import { CandlecastError } from '../errors/CandlecastError';
import type { Dataset } from '../windows/buildDataset';

/**
 * The majority-class baseline: every sample gets the BUY rate of the training samples as p(BUY),
 * so thresholding at 0.5 predicts the training majority (a tie counts as SELL) and the Brier score
 * is that of the base rate. `trainSamples` and `samples` are indices into dataset.ends; labels
 * other than BUY (1) and SELL (0) in the training samples are ignored.
 */
export function majorityClass(dataset: Dataset, trainSamples: readonly number[], samples: readonly number[]): Float32Array {
  let buys = 0;
  let counted = 0;
  for (const i of trainSamples) {
    const label = dataset.labels[i];
    if (label !== 0 && label !== 1) continue;
    buys += label;
    counted++;
  }
  if (counted === 0) throw new CandlecastError('empty_training_set', 'majority class needs at least one labelled training sample');
  return new Float32Array(samples.length).fill(buys / counted);
}
