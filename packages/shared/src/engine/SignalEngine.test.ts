import { describe, expect, it } from 'vitest';
import { loadArtifact } from '../artifact/loadArtifact';
import { MemoryStore } from '../artifact/MemoryStore';
import { publishArtifact } from '../artifact/publishArtifact';
import { computeFeatures } from '../features/computeFeatures';
import { DEFAULT_FEATURE_SPEC } from '../features/FeatureSpec';
import { applyCalibration } from '../model/calibration/Calibration';
import { createSequenceModel } from '../model/kernels/createSequenceModel';
import { fillTabular } from '../model/tabular/fillTabular';
import { deserializeTreeEnsemble } from '../model/trees/serializeTreeEnsemble';
import { predictTreeRow } from '../model/trees/predictTrees';
import { generateCandles } from '../synthetic/generateCandles';
import { buildDataset } from '../windows/buildDataset';
import { normaliseRows } from '../windows/Normalisation';
import { materializeWindows } from '../windows/materializeWindows';
import { engineFixture } from './engineFixture';
import { SignalEngine } from './SignalEngine';

async function loaded(precision: 'fp32' | 'int8' = 'fp32') {
  const { packed, graph, trees } = engineFixture(precision);
  const store = new MemoryStore();
  await publishArtifact(store, packed);
  return { artifact: await loadArtifact(store, packed.version), graph, trees, packed };
}

const candles = generateCandles({ count: 1400, seed: 17 });

describe('SignalEngine', () => {
  it('reproduces, from candles, what the batch pipeline and each member compute on the same window', async () => {
    const { artifact, graph, trees } = await loaded();
    const engine = new SignalEngine(artifact);
    expect(engine.members).toEqual(['lstm', 'rf']);
    const tail = candles.slice(0, 700);
    const output = engine.predictCandles(tail);

    // The same prediction assembled by hand from the batch pipeline.
    const dataset = buildDataset(tail, { spec: DEFAULT_FEATURE_SPEC, windowLength: 30, keepUnlabelledLast: true });
    normaliseRows(dataset.features, artifact.manifest.normalisation);
    const last = dataset.ends.length - 1;
    expect(dataset.ends[last]).toBe(tail.length - 1);
    const window = materializeWindows(dataset.features, 20, 30, dataset.ends, [last]);
    const pLstm = createSequenceModel(graph).predict(window)[1];
    const row = fillTabular(trees.tabular, dataset, [last]);
    const pRf = predictTreeRow(deserializeTreeEnsemble(trees.trees), row);
    expect(output.members.lstm).toBeCloseTo(pLstm, 6);
    expect(output.members.rf).toBe(pRf);
    expect(output.pRaw).toBeCloseTo((pLstm + pRf) / 2, 6);
    expect(output.pBuy).toBeCloseTo(applyCalibration({ method: 'platt', slope: 1.5, intercept: 0.1 }, (pLstm + pRf) / 2), 6);
    expect(output.signal).toBe(Math.abs(output.pBuy - 0.5) <= 0.02 ? 'HOLD' : output.pBuy > 0.5 ? 'BUY' : 'SELL');
    expect(output.missing).toEqual([]);
  });

  it('uses only the newest minCandles candles', async () => {
    const engine = new SignalEngine((await loaded()).artifact);
    expect(engine.predictCandles(candles.slice(0, 900))).toEqual(engine.predictCandles(candles.slice(900 - engine.minCandles, 900)));
    expect(() => engine.predictCandles(candles.slice(0, engine.minCandles - 1))).toThrow(`needs at least ${engine.minCandles} contiguous candles`);
  });

  it('stays close to fp32 when the deep model is stored int8', async () => {
    const fp32 = new SignalEngine((await loaded('fp32')).artifact);
    const int8 = new SignalEngine((await loaded('int8')).artifact);
    let worst = 0;
    for (let end = 500; end <= 1400; end += 60) {
      const a = fp32.predictCandles(candles.slice(0, end));
      const b = int8.predictCandles(candles.slice(0, end));
      worst = Math.max(worst, Math.abs(a.members.lstm - b.members.lstm));
      expect(b.members.rf).toBe(a.members.rf);
    }
    expect(worst).toBeLessThan(0.02);
    expect(worst).toBeGreaterThan(0);
  });

  it('serves the trees alone, and says so, when the deep model cannot be built', async () => {
    const { artifact } = await loaded();
    const architecture = JSON.parse(JSON.stringify(artifact.models.lstm.architecture)) as { layers: { type: string }[] };
    architecture.layers[0].type = 'quantum';
    artifact.models.lstm.architecture = architecture as never;
    const engine = new SignalEngine(artifact);
    expect(engine.members).toEqual(['rf']);
    expect(engine.unavailable.lstm).toMatch(/quantum/);
    const output = engine.predictCandles(candles.slice(0, 600));
    expect(output.missing).toEqual(['lstm']);
    expect(output.pRaw).toBe(output.members.rf);
  });

  it('refuses an artifact whose feature spec hash this code does not compute', async () => {
    const { artifact } = await loaded();
    artifact.manifest.featureSpec.hash = 'f'.repeat(64);
    expect(() => new SignalEngine(artifact)).toThrow(/trained on feature spec ffffffffffff/);
  });

  it('matches the batch feature matrix row for row (streaming == batch at the edge too)', async () => {
    const engine = new SignalEngine((await loaded()).artifact);
    const tail = candles.slice(50, 50 + engine.minCandles);
    const batch = computeFeatures(tail, DEFAULT_FEATURE_SPEC);
    engine.predictCandles(tail);
    const rows = (engine as unknown as { rows: Float32Array }).rows;
    expect(Array.from(rows.subarray(49 * 20))).toEqual(Array.from(batch.values.subarray(49 * 20)));
  });
});
