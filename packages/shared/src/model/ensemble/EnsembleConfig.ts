import { CandlecastError } from '../../errors/CandlecastError';

/** Default voting weights: the deep model leads, the proven trees keep 60% between them. */
export const DEFAULT_ENSEMBLE_WEIGHTS: Readonly<Record<string, number>> = { lstm: 0.4, rf: 0.3, gbdt: 0.3 };

/**
 * How per-model p(BUY) become one p(BUY). Weights are relative (renormalised over the models that
 * answered); a model absent from `weights` or weighted 0 is not consulted.
 * - `vote`: weighted hard voting. Each model votes BUY when its p(BUY) > 0.5, SELL when < 0.5 and
 *   half each at exactly 0.5; p(BUY) = the share of weight voting BUY. With weights 0.4/0.3/0.3 it
 *   takes the values 0, 0.3, 0.4, 0.6, 0.7, 1: a ranking, to be calibrated before it is read as odds.
 * - `average`: weighted mean of p(BUY) (soft voting).
 * - `stacking`: p(BUY) = sigmoid(intercept + sum_k coefficients[k] * logit(p_k)) over `models`, a
 *   logistic regression fitted on out-of-fold predictions. It needs every model: when one is missing
 *   it falls back to `average` with `fallbackWeights`.
 */
export type EnsembleConfig =
  | { method: 'vote'; weights: Record<string, number> }
  | { method: 'average'; weights: Record<string, number> }
  | { method: 'stacking'; models: string[]; coefficients: number[]; intercept: number; fallbackWeights: Record<string, number> };

export type EnsembleMethod = EnsembleConfig['method'];

/** Checks a config read from an artifact: finite non-negative weights, at least one positive, matching stacking arrays. */
export function checkEnsembleConfig(config: EnsembleConfig): EnsembleConfig {
  const fail = (what: string) => new CandlecastError('invalid_ensemble', `ensemble ${JSON.stringify(config).slice(0, 200)}: ${what}`);
  const checkWeights = (weights: Record<string, number>, field: string) => {
    const values = Object.values(weights ?? {});
    if (values.some((w) => !(w >= 0 && Number.isFinite(w)))) throw fail(`${field} must be finite and >= 0`);
    if (!values.some((w) => w > 0)) throw fail(`${field} needs at least one positive weight`);
  };
  switch (config?.method) {
    case 'vote':
    case 'average':
      checkWeights(config.weights, 'weights');
      return config;
    case 'stacking':
      if (!Array.isArray(config.models) || config.models.length === 0 || config.models.length !== config.coefficients?.length) {
        throw fail('models and coefficients must be non-empty arrays of equal length');
      }
      if (![...config.coefficients, config.intercept].every(Number.isFinite)) throw fail('coefficients and intercept must be finite');
      checkWeights(config.fallbackWeights, 'fallbackWeights');
      return config;
    default:
      throw fail('unknown method; expected vote, average or stacking');
  }
}
