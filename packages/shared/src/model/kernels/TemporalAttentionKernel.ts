import type { TemporalAttentionLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { identityColumns, packPanelMatrix, paddedVector, type PanelMatrix } from './PanelMatrix';
import { multiplyPanels } from './multiplyPanels';
import { checkSize, checkTensor } from './checkTensor';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles, doublesFrom } from './doubles';

/** What tfjs adds to a padded step's score; kept so the all-padded corner case matches too. */
const MASK_PENALTY = -1e9;

/**
 * Additive attention pooling `[T, U] -> [U]`, as the trainer's TemporalAttention layer:
 *   e_t = sum_a v[a] tanh(H_t W + b)[a] (+ -1e9 where the step is masked)
 *   alpha = softmax over t (max-subtracted), output = sum_t alpha_t H_t
 * `weights` keeps alpha of the last run ("which candles mattered"); the output carries no mask.
 */
export class TemporalAttentionKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  /** alpha `[T]` of the last run; padded steps are 0. */
  readonly weights: number[];
  private readonly steps: number;
  private readonly width: number;
  private readonly units: number;
  private readonly kernel: PanelMatrix;
  private readonly bias: number[];
  private readonly score: number[];
  private readonly hidden: number[];

  constructor(spec: TemporalAttentionLayerSpec, input: KernelShape, field: string) {
    if (!input.sequence) {
      throw new InvalidSequenceGraphError(field, `attention needs a sequence input, got a vector of ${input.width}`);
    }
    const units = checkSize(spec.units, `${field}.units`);
    const kernel = checkTensor(spec.weights?.kernel, [input.width, units], `${field}.weights.kernel`);
    const bias = checkTensor(spec.weights?.bias, [units], `${field}.weights.bias`);
    const score = checkTensor(spec.weights?.score, [units], `${field}.weights.score`);
    const order = identityColumns(units);
    this.steps = input.steps;
    this.width = input.width;
    this.units = units;
    this.kernel = packPanelMatrix(kernel, input.width, units, order);
    this.bias = paddedVector(bias, order);
    this.score = doublesFrom(score);
    this.hidden = doubles(input.steps * units);
    this.weights = doubles(input.steps);
    this.outputShape = { sequence: false, steps: 1, width: input.width };
    this.output = doubles(input.width);
  }

  run(input: number[], mask: Uint8Array | null): null {
    const { steps, width, units, hidden, score, weights, output } = this;
    multiplyPanels(this.kernel, input, 0, width, steps, this.bias, 0, 0, hidden, 0, units, units);
    let max = -Infinity;
    for (let t = 0; t < steps; t++) {
      let e = 0;
      for (let a = 0, at = t * units; a < units; a++, at++) e += score[a] * (1 - 2 / (Math.exp(2 * hidden[at]) + 1));
      if (mask !== null && mask[t] === 0) e += MASK_PENALTY;
      weights[t] = e;
      if (e > max) max = e;
    }
    let sum = 0;
    for (let t = 0; t < steps; t++) {
      const p = Math.exp(weights[t] - max);
      weights[t] = p;
      sum += p;
    }
    output.fill(0);
    for (let t = 0; t < steps; t++) {
      const alpha = weights[t] / sum;
      weights[t] = alpha;
      if (alpha === 0) continue;
      for (let u = 0, at = t * width; u < width; u++, at++) output[u] += alpha * input[at];
    }
    return null;
  }
}
