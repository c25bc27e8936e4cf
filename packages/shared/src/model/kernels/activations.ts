import type { ActivationName } from './SequenceGraph';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';

/** Every activation the kernels implement. */
export const ACTIVATION_NAMES: readonly ActivationName[] = ['linear', 'relu', 'tanh', 'sigmoid', 'hardSigmoid', 'softmax', 'gelu'];

/** Returns `name` if the kernels implement it; graphs come from JSON, so the type alone proves nothing. */
export function checkActivation(name: ActivationName, field: string): ActivationName {
  if (!ACTIVATION_NAMES.includes(name)) {
    throw new InvalidSequenceGraphError(field, `unsupported activation '${String(name)}' (supported: ${ACTIVATION_NAMES.join(', ')})`);
  }
  return name;
}

/** Logistic sigmoid 1 / (1 + e^-x); saturates cleanly (e^-x overflowing to Infinity gives 0). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * tanh through one Math.exp, which V8 runs faster than Math.tanh; absolute error stays at
 * double rounding level and the overflow cases land on exactly +-1.
 */
export function tanh(x: number): number {
  return 1 - 2 / (Math.exp(2 * x) + 1);
}

/** Keras' piecewise-linear sigmoid: clip(0.2 x + 0.5, 0, 1) (tfjs-layers' RNN default). */
export function hardSigmoid(x: number): number {
  const y = 0.2 * x + 0.5;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

// Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7: the same formula tfjs's cpu backend uses.
const ERF_P = 0.3275911;
const ERF_A1 = 0.254829592;
const ERF_A2 = -0.284496736;
const ERF_A3 = 1.421413741;
const ERF_A4 = -1.453152027;
const ERF_A5 = 1.061405429;

/** The Gauss error function, absolute error below 1.5e-7. */
export function erf(x: number): number {
  const v = Math.abs(x);
  const t = 1 / (1 + ERF_P * v);
  const y = 1 - ((((ERF_A5 * t + ERF_A4) * t + ERF_A3) * t + ERF_A2) * t + ERF_A1) * t * Math.exp(-v * v);
  return x < 0 ? -y : y;
}

/** Exact (erf) GELU, x * Phi(x), as tfjs-layers' 'gelu' activation. */
export function gelu(x: number): number {
  return 0.5 * x * (1 + erf(x * Math.SQRT1_2));
}

/** Softmax of `values[offset .. offset + length)` in place, shifted by the max for stability. */
export function softmaxInPlace(values: number[], offset: number, length: number): void {
  let max = -Infinity;
  for (let i = offset; i < offset + length; i++) if (values[i] > max) max = values[i];
  let sum = 0;
  for (let i = offset; i < offset + length; i++) {
    const e = Math.exp(values[i] - max);
    values[i] = e;
    sum += e;
  }
  const inverse = 1 / sum;
  for (let i = offset; i < offset + length; i++) values[i] *= inverse;
}

/**
 * Applies `activation` in place to `rows` consecutive rows of `width` values (softmax normalises
 * each row on its own, as tfjs does along the last axis).
 */
export function applyActivation(activation: ActivationName, values: number[], rows: number, width: number): void {
  const end = rows * width;
  switch (activation) {
    case 'linear':
      return;
    case 'relu':
      for (let i = 0; i < end; i++) if (values[i] < 0) values[i] = 0;
      return;
    case 'tanh':
      for (let i = 0; i < end; i++) values[i] = tanh(values[i]);
      return;
    case 'sigmoid':
      for (let i = 0; i < end; i++) values[i] = sigmoid(values[i]);
      return;
    case 'hardSigmoid':
      for (let i = 0; i < end; i++) values[i] = hardSigmoid(values[i]);
      return;
    case 'gelu':
      for (let i = 0; i < end; i++) values[i] = gelu(values[i]);
      return;
    case 'softmax':
      for (let row = 0; row < rows; row++) softmaxInPlace(values, row * width, width);
      return;
  }
}

/** A scalar gate function for the recurrent kernels; softmax has no scalar form. */
export function scalarActivation(activation: ActivationName): ((x: number) => number) | null {
  switch (activation) {
    case 'linear':
      return (x) => x;
    case 'relu':
      return (x) => (x < 0 ? 0 : x);
    case 'tanh':
      return tanh;
    case 'sigmoid':
      return sigmoid;
    case 'hardSigmoid':
      return hardSigmoid;
    case 'gelu':
      return gelu;
    default:
      return null;
  }
}
