import type { TransformerEncoderBlockLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { identityColumns, packPanelMatrix, paddedVector, type PanelMatrix } from './PanelMatrix';
import { multiplyPanels } from './multiplyPanels';
import { checkSize, checkTensor } from './checkTensor';
import { layerNormRows } from './layerNormRows';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';

/** What tfjs adds to a masked key's score before the softmax. */
const MASK_PENALTY = -1e9;

/**
 * The trainer's post-norm TransformerEncoderBlock on one sequence `[T, D]`:
 *   Q, K, V = X wq + bq, X wk + bk, X wv + bv; head h owns columns h dk .. (h + 1) dk - 1
 *   P_h = softmax_j(Q_h[i] . K_h[j] / sqrt(dk) + (masked j ? -1e9 : 0)),  O_h = P_h V_h
 *   X1 = LN1(X + concat(O_h) wo + bo),  Y = LN2(X1 + relu(X1 w1 + b1) w2 + b2)
 * Q, K and V come from one fused [D, 3D] matmul. The mask passes through unchanged.
 */
export class TransformerEncoderBlockKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly steps: number;
  private readonly depth: number;
  private readonly heads: number;
  private readonly ffDim: number;
  private readonly epsilon: number;
  private readonly qkv: PanelMatrix;
  private readonly qkvBias: number[];
  private readonly wo: PanelMatrix;
  private readonly bo: number[];
  private readonly w1: PanelMatrix;
  private readonly b1: number[];
  private readonly w2: PanelMatrix;
  private readonly b2: number[];
  private readonly ln1Gamma: number[];
  private readonly ln1Beta: number[];
  private readonly ln2Gamma: number[];
  private readonly ln2Beta: number[];
  private readonly projected: number[];
  private readonly probabilities: number[];
  private readonly attended: number[];
  private readonly mixed: number[];
  private readonly hidden: number[];

  constructor(spec: TransformerEncoderBlockLayerSpec, input: KernelShape, field: string) {
    if (!input.sequence) {
      throw new InvalidSequenceGraphError(field, `a transformer block needs a sequence input, got a vector of ${input.width}`);
    }
    const depth = input.width;
    const heads = checkSize(spec.heads, `${field}.heads`);
    if (depth % heads !== 0) throw new InvalidSequenceGraphError(`${field}.heads`, `width ${depth} is not divisible by ${heads} heads`);
    const ffDim = checkSize(spec.ffDim, `${field}.ffDim`);
    if (!(spec.epsilon >= 0)) throw new InvalidSequenceGraphError(`${field}.epsilon`, `expected a number >= 0, got ${spec.epsilon}`);
    const w = spec.weights ?? ({} as TransformerEncoderBlockLayerSpec['weights']);
    const matrix = (name: keyof typeof w, rows: number, columns: number) => {
      const values = checkTensor(w[name], [rows, columns], `${field}.weights.${name}`);
      return packPanelMatrix(values, rows, columns, identityColumns(columns));
    };
    const vector = (name: keyof typeof w, size: number) =>
      paddedVector(checkTensor(w[name], [size], `${field}.weights.${name}`), identityColumns(size));

    // [D, 3D] = wq | wk | wv side by side, so one pass over X yields Q, K and V.
    const fused = new Float32Array(depth * 3 * depth);
    const fusedBias = new Float32Array(3 * depth);
    (['wq', 'wk', 'wv'] as const).forEach((name, part) => {
      const values = checkTensor(w[name], [depth, depth], `${field}.weights.${name}`);
      for (let r = 0; r < depth; r++) fused.set(values.subarray(r * depth, (r + 1) * depth), r * 3 * depth + part * depth);
    });
    (['bq', 'bk', 'bv'] as const).forEach((name, part) => {
      fusedBias.set(checkTensor(w[name], [depth], `${field}.weights.${name}`), part * depth);
    });

    const steps = input.steps;
    this.steps = steps;
    this.depth = depth;
    this.heads = heads;
    this.ffDim = ffDim;
    this.epsilon = spec.epsilon;
    this.qkv = packPanelMatrix(fused, depth, 3 * depth, identityColumns(3 * depth));
    this.qkvBias = paddedVector(fusedBias, identityColumns(3 * depth));
    this.wo = matrix('wo', depth, depth);
    this.bo = vector('bo', depth);
    this.w1 = matrix('w1', depth, ffDim);
    this.b1 = vector('b1', ffDim);
    this.w2 = matrix('w2', ffDim, depth);
    this.b2 = vector('b2', depth);
    this.ln1Gamma = vector('ln1Gamma', depth);
    this.ln1Beta = vector('ln1Beta', depth);
    this.ln2Gamma = vector('ln2Gamma', depth);
    this.ln2Beta = vector('ln2Beta', depth);
    this.projected = doubles(steps * 3 * depth);
    this.probabilities = doubles(steps);
    this.attended = doubles(steps * depth);
    this.mixed = doubles(steps * depth);
    this.hidden = doubles(steps * ffDim);
    this.outputShape = input;
    this.output = doubles(steps * depth);
  }

  run(input: number[], mask: Uint8Array | null): Uint8Array | null {
    const { steps, depth, ffDim, mixed, hidden, output } = this;
    multiplyPanels(this.qkv, input, 0, depth, steps, this.qkvBias, 0, 0, this.projected, 0, 3 * depth, 3 * depth);
    this.attend(mask);
    multiplyPanels(this.wo, this.attended, 0, depth, steps, this.bo, 0, 0, mixed, 0, depth, depth);
    for (let i = 0; i < mixed.length; i++) mixed[i] += input[i];
    layerNormRows(mixed, steps, depth, this.ln1Gamma, this.ln1Beta, this.epsilon);
    multiplyPanels(this.w1, mixed, 0, depth, steps, this.b1, 0, 0, hidden, 0, ffDim, ffDim);
    for (let i = 0; i < hidden.length; i++) if (hidden[i] < 0) hidden[i] = 0;
    multiplyPanels(this.w2, hidden, 0, ffDim, steps, this.b2, 0, 0, output, 0, depth, depth);
    for (let i = 0; i < output.length; i++) output[i] += mixed[i];
    layerNormRows(output, steps, depth, this.ln2Gamma, this.ln2Beta, this.epsilon);
    return mask;
  }

  /** Multi-head scaled dot-product self-attention from `projected` ([T, 3D] = Q | K | V) into `attended`. */
  private attend(mask: Uint8Array | null): void {
    const { steps, depth, heads, projected, probabilities: p, attended } = this;
    const headSize = depth / heads;
    const stride = 3 * depth;
    const scale = 1 / Math.sqrt(headSize);
    attended.fill(0);
    for (let h = 0; h < heads; h++) {
      const q = h * headSize;
      const k = depth + q;
      const v = 2 * depth + q;
      for (let i = 0; i < steps; i++) {
        const query = i * stride + q;
        let max = -Infinity;
        for (let j = 0; j < steps; j++) {
          const key = j * stride + k;
          let dot = 0;
          for (let c = 0; c < headSize; c++) dot += projected[query + c] * projected[key + c];
          let score = dot * scale;
          if (mask !== null && mask[j] === 0) score += MASK_PENALTY;
          p[j] = score;
          if (score > max) max = score;
        }
        let sum = 0;
        for (let j = 0; j < steps; j++) {
          const e = Math.exp(p[j] - max);
          p[j] = e;
          sum += e;
        }
        const out = i * depth + q;
        const inverse = 1 / sum;
        for (let j = 0; j < steps; j++) {
          const weight = p[j] * inverse;
          if (weight === 0) continue;
          const value = j * stride + v;
          for (let c = 0; c < headSize; c++) attended[out + c] += weight * projected[value + c];
        }
      }
    }
  }
}
