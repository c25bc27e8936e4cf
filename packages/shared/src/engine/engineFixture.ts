import { packArtifact, type ArtifactDraft } from '../artifact/packArtifact';
import type { PackedArtifact } from '../artifact/packArtifact';
import { DEFAULT_FEATURE_SPEC } from '../features/FeatureSpec';
import type { SequenceGraph } from '../model/kernels/SequenceGraph';
import { createTabularSpec } from '../model/tabular/TabularSpec';
import { serializeTreeEnsemble } from '../model/trees/serializeTreeEnsemble';
import type { TreeModelDocument } from '../model/trees/TreeModelDocument';
import { SeededRandom } from '../random/SeededRandom';
import { minimumCandles } from '../windows/minimumCandles';
import { sequenceGraphToDraft, type WeightPrecision } from './sequenceGraphEntry';
import { treeDocumentToDraft } from './treeModelEntry';

/**
 * A small but complete artifact for engine tests: an LSTM(6) -> dense softmax sequence model with
 * seeded random weights, and a two-tree "forest" splitting on the last candle's logReturn1 and
 * candleBody columns. Window 30, default feature spec, weighted average, Platt calibration.
 */
export function engineFixture(precision: WeightPrecision = 'fp32', seed = 3): { packed: PackedArtifact; graph: SequenceGraph; trees: TreeModelDocument } {
  const random = new SeededRandom(seed);
  const weights = (shape: number[], scale: number) => ({ shape, values: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.normal() * scale) });
  const F = DEFAULT_FEATURE_SPEC.names.length;
  const W = 30;
  const graph: SequenceGraph = {
    format: 'candlecast.sequence-graph',
    version: 1,
    windowLength: W,
    featureCount: F,
    layers: [
      { name: 'lstm_1', type: 'lstm', units: 6, returnSequences: false, activation: 'tanh', recurrentActivation: 'sigmoid', weights: { kernel: weights([F, 24], 0.3), recurrentKernel: weights([6, 24], 0.3), bias: weights([24], 0.1) } },
      { name: 'dense_1', type: 'dense', units: 2, activation: 'softmax', weights: { kernel: weights([6, 2], 0.8), bias: weights([2], 0.1) } },
    ],
  } as SequenceGraph;
  const tabular = createTabularSpec(DEFAULT_FEATURE_SPEC);
  const lastReturn = tabular.names.indexOf(tabular.names.find((n) => n.startsWith('logReturn1'))!);
  const lastBody = tabular.names.indexOf(tabular.names.find((n) => n.startsWith('candleBody'))!);
  // Tree 1: root splits logReturn1 at 0 -> leaves 0.7 / 0.3; tree 2: candleBody at 0.1 -> 0.6 / 0.45.
  const ensemble = {
    kind: 'random-forest' as const,
    aggregation: 'mean' as const,
    featureCount: tabular.columns.length,
    baseScore: 0,
    roots: Int32Array.from([0, 3]),
    feature: Int16Array.from([lastReturn, -1, -1, lastBody, -1, -1]),
    threshold: Float32Array.from([0, 0, 0, 0.1, 0, 0]),
    left: Int32Array.from([1, -1, -1, 4, -1, -1]),
    right: Int32Array.from([2, -1, -1, 5, -1, -1]),
    value: Float32Array.from([0, 0.7, 0.3, 0, 0.6, 0.45]),
  };
  const trees: TreeModelDocument = { format: 'candlecast-tree-model', version: 1, name: 'rf', tabular, trees: serializeTreeEnsemble(ensemble, tabular.hash) };
  const draft: ArtifactDraft = {
    createdAt: '2026-01-01T00:00:00.000Z',
    featureSpec: { version: DEFAULT_FEATURE_SPEC.version, names: [...DEFAULT_FEATURE_SPEC.names], hash: DEFAULT_FEATURE_SPEC.hash },
    windowLength: W,
    minCandles: minimumCandles(DEFAULT_FEATURE_SPEC, W),
    normalisation: { mean: Array.from({ length: F }, () => 0), std: Array.from({ length: F }, (_, f) => (f === 0 ? 0.001 : 1)), clip: 8 },
    labelPolicy: { horizon: 1, flatPolicy: 'drop' },
    models: { lstm: sequenceGraphToDraft(graph, precision), rf: treeDocumentToDraft(trees) },
    ensemble: { method: 'average', weights: { lstm: 0.5, rf: 0.5 } },
    calibration: { method: 'platt', slope: 1.5, intercept: 0.1 },
    abstain: { margin: 0.02 },
    metrics: {},
    training: { dataHash: 'test', from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z', candles: 1000 },
    trainerCommit: 'test',
    golden: [],
  };
  return { packed: packArtifact(draft), graph, trees };
}
