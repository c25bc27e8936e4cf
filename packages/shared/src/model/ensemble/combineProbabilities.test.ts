import { describe, expect, it } from 'vitest';
import { logit, sigmoid } from '../calibration/logit';
import { combineProbabilities, combineProbabilityArrays } from './combineProbabilities';
import { checkEnsembleConfig, DEFAULT_ENSEMBLE_WEIGHTS, type EnsembleConfig } from './EnsembleConfig';

const vote: EnsembleConfig = { method: 'vote', weights: { ...DEFAULT_ENSEMBLE_WEIGHTS } };
const average: EnsembleConfig = { method: 'average', weights: { ...DEFAULT_ENSEMBLE_WEIGHTS } };

describe('combineProbabilities', () => {
  it('averages p(BUY) with the weights', () => {
    const out = combineProbabilities(average, { lstm: 0.6, rf: 0.4, gbdt: 0.7 });
    expect(out.pBuy).toBeCloseTo(0.4 * 0.6 + 0.3 * 0.4 + 0.3 * 0.7, 12);
    expect(out).toMatchObject({ method: 'average', used: ['lstm', 'rf', 'gbdt'], missing: [] });
  });

  it('votes: p(BUY) is the share of weight voting BUY', () => {
    expect(combineProbabilities(vote, { lstm: 0.51, rf: 0.2, gbdt: 0.49 }).pBuy).toBeCloseTo(0.4, 12);
    expect(combineProbabilities(vote, { lstm: 0.4, rf: 0.9, gbdt: 0.6 }).pBuy).toBeCloseTo(0.6, 12);
    expect(combineProbabilities(vote, { lstm: 0.5, rf: 0.9, gbdt: 0.1 }).pBuy).toBeCloseTo(0.5, 12);
  });

  it('renormalises over the models that answered and says which were missing', () => {
    const out = combineProbabilities(average, { rf: 0.4, gbdt: 0.8, lstm: null });
    expect(out.pBuy).toBeCloseTo(0.6, 12);
    expect(out).toMatchObject({ used: ['rf', 'gbdt'], missing: ['lstm'] });
    const nan = combineProbabilities(vote, { lstm: Number.NaN, rf: 0.9, gbdt: 0.2 });
    expect(nan.pBuy).toBeCloseTo(0.5, 12);
    expect(nan.missing).toEqual(['lstm']);
    expect(() => combineProbabilities(vote, { other: 0.5 })).toThrow(/no model of the ensemble answered; missing: lstm, rf, gbdt/);
  });

  it('stacks logits, and falls back to averaging when a stacked model is missing', () => {
    const stacking: EnsembleConfig = { method: 'stacking', models: ['rf', 'gbdt'], coefficients: [0.5, 1.5], intercept: -0.1, fallbackWeights: { rf: 1, gbdt: 3 } };
    expect(combineProbabilities(stacking, { rf: 0.6, gbdt: 0.7 }).pBuy).toBeCloseTo(sigmoid(-0.1 + 0.5 * logit(0.6) + 1.5 * logit(0.7)), 12);
    const fallback = combineProbabilities(stacking, { gbdt: 0.7 });
    expect(fallback).toMatchObject({ method: 'average', used: ['gbdt'], missing: ['rf'] });
    expect(fallback.pBuy).toBeCloseTo(0.7, 12);
  });

  it('combines whole arrays; a model with a wrong-length array counts as missing', () => {
    const out = combineProbabilityArrays(average, { lstm: [0.1, 0.2, 0.3], rf: Float32Array.from([0.5, 0.5]), gbdt: Float32Array.from([0.9, 0.8, 0.7]) }, 3);
    expect(out.missing).toEqual(['rf']);
    expect(Array.from(out.pBuy)).toEqual([(0.4 * 0.1 + 0.3 * 0.9) / 0.7, (0.4 * 0.2 + 0.3 * 0.8) / 0.7, (0.4 * 0.3 + 0.3 * 0.7) / 0.7].map(Math.fround));
  });

  it('refuses configs with no positive weight', () => {
    expect(() => checkEnsembleConfig({ method: 'average', weights: { rf: 0 } })).toThrow(/at least one positive weight/);
    expect(() => checkEnsembleConfig({ method: 'stacking', models: ['rf'], coefficients: [], intercept: 0, fallbackWeights: { rf: 1 } })).toThrow(/equal length/);
  });
});
