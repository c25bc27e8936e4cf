import { createHash } from 'node:crypto';
import {
  accuracy,
  buildDataset,
  DEFAULT_FEATURE_SPEC,
  followLastCandle,
  generateCandles,
  majorityClass,
  nextCandleReturns,
  reverseLastCandle,
  runBacktest,
  SeededRandom,
  signalsFromProbabilities,
} from '@candlecast/shared';
import { assessLeakage } from '../evaluation/assessLeakage';
import { scoreBaseline, scoreModel } from '../evaluation/scoreModel';
import type { Report } from './Report';
import { summarizeBacktest } from './summarizeBacktest';

const MODELS = ['lstm', 'gru', 'lstm-attention', 'transformer', 'gbdt'] as const;
const COSTS = [
  { feeBps: 0, spreadBps: 0 },
  { feeBps: 1, spreadBps: 1 },
  { feeBps: 10, spreadBps: 2 },
];
const FOLDS = 5;

/**
 * A realistic report for tests and the preview: a seeded synthetic market, fake but plausible model
 * probabilities (a noisy reading of the bid-ask bounce the market plants, so models land near the
 * reverse-last-candle baseline, as they do on real data), scored by the real metric, backtest and
 * leakage code. `warnings` plants a failed shuffled-label canary to show the alarm box.
 */
export function sampleReport(options: { warnings?: boolean } = {}): Report {
  const candles = generateCandles({ count: 6000, seed: 21 });
  const firstTest = 2000;
  const market = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength: 60 });
  const samples = Array.from(market.ends.keys()).filter((i) => market.ends[i] >= firstTest);
  const trainSamples = Array.from(market.ends.keys()).filter((i) => market.ends[i] < firstTest);
  const rows = samples.map((i) => market.ends[i]);
  const labels = samples.map((i) => market.labels[i]);
  const base = {
    majority: majorityClass(market, trainSamples, samples),
    reverseLast: reverseLastCandle(market, samples),
    followLast: followLastCandle(market, samples),
  };
  const random = new SeededRandom(5);
  const forest = fakeModel(candles, rows, random, 0.55, 0.9, 0);

  const baselines: Report['baselines'] = {
    majority: scoreBaseline(base.majority, labels),
    reverseLast: scoreBaseline(base.reverseLast, labels),
    followLast: scoreBaseline(base.followLast, labels),
    randomForest: scoreBaseline(forest, labels),
  };
  const candidates = { ...base, randomForest: forest };
  const bestName = (Object.keys(baselines) as (keyof typeof candidates)[]).reduce((a, b) => (baselines[b]!.accuracy > baselines[a]!.accuracy ? b : a));

  const predictions: Record<string, Float32Array> = {};
  MODELS.forEach((name, i) => (predictions[name] = fakeModel(candles, rows, random, 0.9 + 0.15 * i, 1.1 - 0.08 * i)));
  predictions.ensemble = Float32Array.from(rows, (_, k) => MODELS.reduce((s, name) => s + predictions[name][k], 0) / MODELS.length);

  const blocks = Array.from({ length: FOLDS }, (_, f) => [Math.floor((f * rows.length) / FOLDS), Math.floor(((f + 1) * rows.length) / FOLDS)]);
  const returns = nextCandleReturns(candles, rows);
  const models: Report['models'] = {};
  const backtest: Report['backtest'] = {};
  for (const [name, pBuy] of Object.entries(predictions)) {
    models[name] = scoreModel({
      pBuy,
      labels,
      bestBaseline: { name: bestName, pBuy: candidates[bestName] },
      foldAccuracies: blocks.map(([a, b]) => accuracy(pBuy.subarray(a, b), labels.slice(a, b))),
      bootstrap: { seed: 3 },
    });
    const signals = signalsFromProbabilities(pBuy, 0.02);
    backtest[name] = COSTS.map((costs) => summarizeBacktest(runBacktest(signals, returns, costs), costs));
  }
  backtest.reverseLast = COSTS.map((costs) => summarizeBacktest(runBacktest(signalsFromProbabilities(base.reverseLast), returns, costs), costs));

  const leakedFeature = { detectedByLookAheadCheck: true, accuracy: 0.994 };
  const shuffledAccuracy = options.warnings ? 0.541 : baselines.majority.accuracy + 0.002;
  const verdict = assessLeakage({
    modelAccuracies: Object.fromEntries(Object.entries(models).map(([n, m]) => [n, m.accuracy])),
    bestBaseline: { name: bestName, accuracy: baselines[bestName]!.accuracy },
    shuffledLabel: { accuracy: shuffledAccuracy, majorityAccuracy: baselines.majority.accuracy, samples: rows.length },
    leakedFeature,
    lookAheadFailures: [],
  });

  const time = (t: number) => new Date(candles[t].time).toISOString();
  return {
    createdAt: '2025-01-06T09:30:00.000Z',
    wallSeconds: 1843.2,
    data: {
      hash: createHash('sha256').update(JSON.stringify(candles)).digest('hex'),
      candles: candles.length,
      from: time(0),
      to: time(candles.length - 1),
      source: 'synthetic market (6,000 candles, seed 21)',
    },
    config: { windowLength: 60, folds: FOLDS, seed: 21, featureSpec: DEFAULT_FEATURE_SPEC.hash, models: [...MODELS, 'rf'], costs: COSTS, signalBand: 0.02 },
    folds: blocks.map(([a, b], index) => ({ index, trainSamples: firstTest + a - 60, testSamples: b - a, testFrom: time(rows[a]), testTo: time(rows[b - 1]) })),
    models,
    baselines,
    leakage: { shuffledLabelAccuracy: shuffledAccuracy, leakedFeature, lookAheadFailures: [], ...verdict },
    backtest,
    featureImportance: {
      ensemble: fakeImportance(new SeededRandom(8), 1),
      lstm: fakeImportance(new SeededRandom(9), 0.8),
      gbdt: fakeImportance(new SeededRandom(10), 0.9),
    },
    attention: fakeAttention(new SeededRandom(12), 60),
  };
}

/**
 * p(BUY) leaning on the reversal of the last move, blurred by noise, plus a faint peek at the
 * answer (fake data only) so that some models edge past the baseline by a few tenths of a point.
 */
function fakeModel(candles: ReturnType<typeof generateCandles>, rows: number[], random: SeededRandom, signal: number, noise: number, peek = 0.025): Float32Array {
  return Float32Array.from(rows, (t) => {
    const last = Math.log(candles[t].close / candles[t - 1].close) / 0.0007;
    const next = candles[t + 1].close > candles[t].close ? 1 : -1;
    const logit = 0.25 * (-signal * Math.tanh(last) + noise * random.normal() * 0.8 + peek * next);
    return 1 / (1 + Math.exp(-logit));
  });
}

function fakeImportance(random: SeededRandom, scale: number): Record<string, number> {
  const planted: Record<string, number> = { logReturn1: 0.021, candleBody: 0.009, stochasticK: 0.003, rsi14: 0.002 };
  return Object.fromEntries(DEFAULT_FEATURE_SPEC.names.map((name) => [name, scale * ((planted[name] ?? 0) + random.normal() * 0.0008)]));
}

function fakeAttention(random: SeededRandom, steps: number): number[] {
  const raw = Array.from({ length: steps }, (_, i) => Math.exp(0.07 * i) * (1 + 0.15 * random.next()) + (i === steps - 1 ? 12 : 0));
  const total = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / total);
}
