import { logit, SeededRandom, sigmoid } from '@candlecast/shared';
import { describe, expect, it } from 'vitest';
import { chooseEnsemble } from './chooseEnsemble';
import { fitLogisticRegression } from './fitLogisticRegression';
import { fitStacking } from './fitStacking';
import { walkForwardOutOfFold } from './OutOfFoldPredictions';

/**
 * 2000 samples with random labels and two fake base models: `honest` carries a fixed, genuine
 * signal about each label; `memoriser` returns the exact label of every sample it was trained on
 * and a coin flip elsewhere. In-sample the memoriser is perfect; out of sample it is worthless.
 */
function world() {
  const random = new SeededRandom(5);
  const n = 2000;
  const windowLength = 5;
  const ends = Int32Array.from({ length: n }, (_, i) => i + windowLength);
  const labels = Int8Array.from({ length: n }, () => (random.next() < 0.5 ? 1 : 0));
  const honest = Float32Array.from(labels, (y) => sigmoid(0.8 * ((2 * y - 1) * 0.5 + random.normal())));
  const coin = Float32Array.from({ length: n }, () => 0.3 + 0.4 * random.next());
  const calls: { trained: number[]; predicted: number[] }[] = [];
  const fitAndPredict = async (trained: number[], predicted: number[]) => {
    calls.push({ trained, predicted });
    const memory = new Set(trained);
    return {
      honest: Float32Array.from(predicted, (s) => honest[s]),
      memoriser: Float32Array.from(predicted, (s) => (memory.has(s) ? (labels[s] ? 0.999 : 0.001) : coin[s])),
    };
  };
  return { dataset: { ends, labels }, samples: Array.from({ length: n }, (_, i) => i), windowLength, honest, labels, coin, calls, fitAndPredict };
}

describe('stacking on out-of-fold predictions', () => {
  it('never shows the meta-learner a prediction from a model trained on that row', async () => {
    const w = world();
    const oof = await walkForwardOutOfFold(w.dataset, w.samples, { folds: 4, windowLength: w.windowLength }, w.fitAndPredict);
    expect(w.calls).toHaveLength(4);
    for (const { trained, predicted } of w.calls) {
      // Walk-forward and purged: every training label row (end + 1) is before every predicted window's first row.
      const lastLabelRow = Math.max(...trained.map((s) => w.dataset.ends[s] + 1));
      const firstWindowRow = Math.min(...predicted.map((s) => w.dataset.ends[s] - w.windowLength + 1));
      expect(lastLabelRow).toBeLessThan(firstWindowRow);
    }
    expect(oof.samples).toEqual(w.calls.flatMap((call) => call.predicted));
    expect(oof.samples).toHaveLength(1000);
  });

  it('gives the memoriser no weight out of fold, where in-sample stacking would trust it fully', async () => {
    const w = world();
    const oof = await walkForwardOutOfFold(w.dataset, w.samples, { folds: 4, windowLength: w.windowLength }, w.fitAndPredict);
    const stacked = fitStacking(oof);
    const coefficient = (name: string) => stacked.coefficients[stacked.models.indexOf(name)];
    expect(Math.abs(coefficient('memoriser'))).toBeLessThan(0.3);
    expect(coefficient('honest')).toBeGreaterThan(0.6);

    // The same meta-learner on in-sample predictions (the memoriser scoring its own training rows).
    const train = w.calls[3].trained;
    const inSample = await w.fitAndPredict(train, train);
    const naive = fitLogisticRegression([Array.from(inSample.honest, logit), Array.from(inSample.memoriser, logit)], Array.from(train, (s) => w.labels[s]), { l2: 1 });
    expect(naive.coefficients[1]).toBeGreaterThan(0.5);
    expect(naive.coefficients[1]).toBeGreaterThan(3 * Math.abs(naive.coefficients[0]));
  });

  it('refuses predictions that are not out of fold', async () => {
    const w = world();
    const rows = w.samples.slice(0, 100);
    const inSample = await w.fitAndPredict(rows, rows);
    const claim = { samples: rows, labels: Uint8Array.from(rows, (s) => w.labels[s]), predictions: inSample, fits: [{ trained: rows, predicted: rows }] };
    expect(() => fitStacking(claim)).toThrow(/fit 0 predicted sample 0, which it was trained on/);
    expect(() => fitStacking({ ...claim, fits: [] })).toThrow(/sample 0 was predicted by no recorded fit/);
  });

  it('chooses an ensemble by blocked cross-validation and keeps the memoriser out of it', async () => {
    const w = world();
    const oof = await walkForwardOutOfFold(w.dataset, w.samples, { folds: 4, windowLength: w.windowLength }, w.fitAndPredict);
    const { config, candidates } = chooseEnsemble(oof, { defaultWeights: { honest: 0.5, memoriser: 0.5 } });
    expect(candidates.map((c) => c.name)).toEqual(['vote (default weights)', 'average (default weights)', 'average (equal weights)', 'average (fitted weights)', 'stacking (logistic on logits)']);
    const best = Math.min(...candidates.map((c) => c.brier));
    expect(candidates.find((c) => c.config === config)!.brier).toBe(best);
    const fitted = candidates[3].config;
    expect(fitted.method === 'average' && fitted.weights.memoriser).toBeLessThanOrEqual(0.2);
    expect(best).toBeLessThan(candidates[2].brier);
  });
});
