import { DEFAULT_FEATURE_SPEC } from '../../features/FeatureSpec';
import { SeededRandom } from '../../random/SeededRandom';
import type { ArtifactDraft } from '../packArtifact';

/**
 * A small but complete artifact draft for tests: an LSTM-shaped model with an int8 kernel, an fp16
 * recurrent kernel and an fp32 bias, and a tree model with raw buffers. Different seeds give
 * different versions.
 */
export function sampleArtifactDraft(seed = 1, createdAt = '2024-03-01T00:00:00.000Z'): ArtifactDraft {
  const random = new SeededRandom(seed);
  const values = (count: number) => Float32Array.from({ length: count }, () => random.normal() * 0.3);
  const features = DEFAULT_FEATURE_SPEC.names.length;
  const units = 4;
  return {
    createdAt,
    featureSpec: { version: DEFAULT_FEATURE_SPEC.version, names: [...DEFAULT_FEATURE_SPEC.names], hash: DEFAULT_FEATURE_SPEC.hash },
    windowLength: 60,
    minCandles: DEFAULT_FEATURE_SPEC.warmUp + 59,
    normalisation: { mean: new Array(features).fill(0.5), std: new Array(features).fill(2), clip: 8 },
    labelPolicy: { horizon: 1, flatPolicy: 'drop' },
    models: {
      lstm: {
        kind: 'lstm',
        architecture: { units, recurrentActivation: 'sigmoid' },
        tensors: [
          { name: 'kernel', shape: [features, 4 * units], dtype: 'int8', values: values(features * 4 * units) },
          { name: 'recurrentKernel', shape: [units, 4 * units], dtype: 'fp16', values: values(units * 4 * units) },
          { name: 'bias', shape: [4 * units], dtype: 'fp32', values: values(4 * units) },
        ],
      },
      forest: {
        kind: 'randomForest',
        architecture: { trees: 2 },
        tensors: [],
        trees: { json: { format: 'test', nodeCount: 3 }, buffers: { threshold: Uint8Array.from([1, 2, 3, 4, 5]), feature: Uint8Array.from([9, 8]) } },
      },
    },
    ensemble: { weights: { lstm: 0.5, forest: 0.5 } },
    calibration: { method: 'platt', a: 1, b: 0 },
    abstain: { band: 0.02 },
    metrics: { accuracy: 0.537, ece: 0.012, serving: { precision: 'int8', windows: 100, signalAgreement: 1, accuracyServed: 0.537, accuracyFp32: 0.537, maxProbabilityDifference: 0.001, passed: true } },
    training: { dataHash: `seed-${seed}`, from: '2024-01-01T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z', candles: 44640 },
    trainerCommit: 'test',
    golden: [{ input: { candles: 3 }, outputs: { pBuy: 0.51 } }],
  };
}
