import { combineProbabilityArrays, DEFAULT_ENSEMBLE_WEIGHTS, type EnsembleConfig } from '@candlecast/shared';
import { fitStacking } from './fitStacking';
import { assertOutOfFold, type OutOfFoldPredictions } from './OutOfFoldPredictions';

/** One candidate ensemble, scored on held-out blocks of the out-of-fold set. */
export interface EnsembleCandidate {
  name: string;
  /** The candidate fitted on every out-of-fold row (what is shipped if it wins). */
  config: EnsembleConfig;
  /** Cross-validated over contiguous blocks: fitted on the other blocks, scored on each block. */
  brier: number;
  logLoss: number;
  accuracy: number;
}

export interface EnsembleChoiceOptions {
  /** Weights of the `vote` and weighted `average` candidates; default lstm 0.4, rf 0.3, gbdt 0.3. */
  defaultWeights?: Record<string, number>;
  /** Contiguous blocks for cross-validating the candidates. Default 5. */
  blocks?: number;
  /** L2 of the stacking meta-learner. Default 1. */
  l2?: number;
}

/**
 * Chooses how to combine base models on out-of-fold (validation) predictions. Candidates: weighted
 * vote and weighted average with the default weights, equal average, average with weights fitted
 * on a 0.1 grid (Brier), and stacking. Each is scored by blocked cross-validation inside the
 * out-of-fold set, so a candidate with fitted parameters is never scored on the rows it was
 * fitted on; the lowest Brier score wins and is refitted on all rows.
 */
export function chooseEnsemble(oof: OutOfFoldPredictions, options: EnsembleChoiceOptions = {}): { config: EnsembleConfig; candidates: EnsembleCandidate[] } {
  assertOutOfFold(oof);
  const models = Object.keys(oof.predictions);
  const defaults = restrict(options.defaultWeights ?? { ...DEFAULT_ENSEMBLE_WEIGHTS }, models);
  const equal = Object.fromEntries(models.map((name) => [name, 1]));
  const fitters: [string, (rows: readonly number[]) => EnsembleConfig][] = [
    ['vote (default weights)', () => ({ method: 'vote', weights: defaults })],
    ['average (default weights)', () => ({ method: 'average', weights: defaults })],
    ['average (equal weights)', () => ({ method: 'average', weights: equal })],
    ['average (fitted weights)', (rows) => ({ method: 'average', weights: fitAverageWeights(oof, models, rows) })],
    ['stacking (logistic on logits)', (rows) => fitStacking(oof, { rows, l2: options.l2, fallbackWeights: defaults })],
  ];
  const n = oof.samples.length;
  const blocks = Math.max(2, Math.min(options.blocks ?? 5, n));
  const candidates = fitters.map(([name, fit]) => {
    const heldOut = new Float32Array(n);
    for (let b = 0; b < blocks; b++) {
      const start = Math.floor((b * n) / blocks);
      const stop = Math.floor(((b + 1) * n) / blocks);
      const others = [...range(0, start), ...range(stop, n)];
      const block = range(start, stop);
      heldOut.set(combineRows(fit(others), oof, block), start);
    }
    return { name, config: fit(range(0, n)), ...score(heldOut, oof.labels) };
  });
  const best = candidates.reduce((a, b) => (b.brier < a.brier ? b : a));
  return { config: best.config, candidates };
}

function combineRows(config: EnsembleConfig, oof: OutOfFoldPredictions, rows: readonly number[]): Float32Array {
  const subset = Object.fromEntries(Object.entries(oof.predictions).map(([name, p]) => [name, Float32Array.from(rows, (i) => p[i])]));
  return combineProbabilityArrays(config, subset, rows.length).pBuy;
}

/** Weights on a 0.1 grid of the simplex (0.25 beyond 4 models) with the lowest Brier score on `rows`. */
function fitAverageWeights(oof: OutOfFoldPredictions, models: string[], rows: readonly number[]): Record<string, number> {
  const steps = models.length <= 4 ? 10 : 4;
  const p = models.map((name) => oof.predictions[name]);
  let best: number[] = models.map(() => 1);
  let bestBrier = Number.POSITIVE_INFINITY;
  const weights = new Array<number>(models.length).fill(0);
  const visit = (k: number, left: number) => {
    if (k === models.length - 1) {
      weights[k] = left;
      let sum = 0;
      for (const i of rows) {
        let q = 0;
        for (let m = 0; m < models.length; m++) q += weights[m] * p[m][i];
        sum += (q / steps - oof.labels[i]) ** 2;
      }
      if (sum < bestBrier) {
        bestBrier = sum;
        best = [...weights];
      }
      return;
    }
    for (let w = left; w >= 0; w--) {
      weights[k] = w;
      visit(k + 1, left - w);
    }
  };
  visit(0, steps);
  return Object.fromEntries(models.map((name, m) => [name, best[m] / steps]));
}

function restrict(weights: Record<string, number>, models: readonly string[]): Record<string, number> {
  const kept = Object.fromEntries(models.filter((name) => (weights[name] ?? 0) > 0).map((name) => [name, weights[name]]));
  return Object.keys(kept).length > 0 ? kept : Object.fromEntries(models.map((name) => [name, 1]));
}

function score(p: Float32Array, labels: Uint8Array): { brier: number; logLoss: number; accuracy: number } {
  let brier = 0;
  let logLoss = 0;
  let correct = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-7), 1 - 1e-7);
    brier += (p[i] - labels[i]) ** 2;
    logLoss -= labels[i] ? Math.log(q) : Math.log(1 - q);
    correct += (p[i] > 0.5 ? 1 : 0) === labels[i] ? 1 : 0;
  }
  return { brier: brier / p.length, logLoss: logLoss / p.length, accuracy: correct / p.length };
}

function range(start: number, stop: number): number[] {
  return Array.from({ length: Math.max(0, stop - start) }, (_, k) => start + k);
}
