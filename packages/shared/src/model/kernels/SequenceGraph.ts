/**
 * A weight array with its tfjs shape. `values` is row-major in that shape, exactly as
 * `tensor.dataSync()` returns it (a Dense kernel is `[inputDim, units]`, an LSTM kernel
 * `[inputDim, 4 * units]` with gate blocks i, f, c, o). Kernels repack it once at load.
 */
export interface GraphTensor {
  shape: number[];
  values: Float32Array;
}

/** The name layers use in `inputs` for the model's input window `[windowLength, featureCount]`. */
export const GRAPH_INPUT = 'window';

/**
 * What every layer spec has: a unique `name`, and the names of the layers it reads (`inputs`,
 * earlier in the list, or GRAPH_INPUT). Without `inputs` a layer reads the layer before it (the
 * first layer reads the window). Only `concatenate` reads more than one.
 */
export interface LayerSpecBase {
  name: string;
  inputs?: string[];
}

/** Element-wise activations, named as tfjs-layers serialises them (`getConfig().activation`). */
export type ActivationName = 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'hardSigmoid' | 'softmax' | 'gelu';

/**
 * Keras `Masking`: a time step whose features all equal `maskValue` is skipped by the recurrent
 * layers after it (they carry their previous state and output), and its features become 0.
 */
export interface MaskingLayerSpec extends LayerSpecBase {
  type: 'masking';
  maskValue: number;
}

/** Keras/tfjs `LSTM` (no state in or out, forward in time). Weights in tfjs layout, gates i, f, c, o. */
export interface LstmLayerSpec extends LayerSpecBase {
  type: 'lstm';
  units: number;
  /** true: output `[T, units]`, one hidden state per step; false: the last hidden state `[units]`. */
  returnSequences: boolean;
  activation: ActivationName;
  recurrentActivation: ActivationName;
  weights: {
    /** `[inputDim, 4 * units]` */
    kernel: GraphTensor;
    /** `[units, 4 * units]` */
    recurrentKernel: GraphTensor;
    /** `[4 * units]`; absent when the layer has `useBias: false`. */
    bias?: GraphTensor;
  };
}

/**
 * Keras/tfjs `GRU` with `resetAfter: false` (the only variant tfjs implements): the reset gate
 * scales the previous state before the recurrent matmul of the candidate. Gates z, r, h.
 */
export interface GruLayerSpec extends LayerSpecBase {
  type: 'gru';
  units: number;
  returnSequences: boolean;
  activation: ActivationName;
  recurrentActivation: ActivationName;
  weights: {
    /** `[inputDim, 3 * units]` */
    kernel: GraphTensor;
    /** `[units, 3 * units]` */
    recurrentKernel: GraphTensor;
    /** `[3 * units]` */
    bias?: GraphTensor;
  };
}

/** Keras `Dense` on the last axis: a vector `[in] -> [units]`, a sequence `[T, in] -> [T, units]`. */
export interface DenseLayerSpec extends LayerSpecBase {
  type: 'dense';
  units: number;
  activation: ActivationName;
  weights: {
    /** `[inputDim, units]` */
    kernel: GraphTensor;
    /** `[units]` */
    bias?: GraphTensor;
  };
}

/**
 * Additive attention pooling over time (trainer: models/layers/TemporalAttention.ts):
 * e_t = v . tanh(H_t W + b), alpha = softmax_t(e) over the real steps, output sum_t alpha_t H_t.
 */
export interface TemporalAttentionLayerSpec extends LayerSpecBase {
  type: 'temporalAttention';
  units: number;
  weights: {
    /** `[inputWidth, units]` */
    kernel: GraphTensor;
    /** `[units]` */
    bias: GraphTensor;
    /** `[units]`, the vector v */
    score: GraphTensor;
  };
}

/**
 * Adds the sinusoidal position table (trainer: models/layers/PositionalEncoding.ts): step t of T
 * has position p = T - 1 - t; dimension d of D gets sin (d even) or cos (d odd) of
 * p / 10000^(2 floor(d / 2) / D). No weights.
 */
export interface PositionalEncodingLayerSpec extends LayerSpecBase {
  type: 'positionalEncoding';
}

/**
 * A post-norm transformer encoder block (trainer: models/layers/TransformerEncoderBlock.ts):
 * X1 = LN1(X + MHA(X) wo + bo), Y = LN2(X1 + relu(X1 w1 + b1) w2 + b2); masked keys are left out.
 */
export interface TransformerEncoderBlockLayerSpec extends LayerSpecBase {
  type: 'transformerEncoderBlock';
  heads: number;
  ffDim: number;
  /** Layer-norm epsilon, added to the variance inside the square root. */
  epsilon: number;
  /** Matrices `[in, out]` as tfjs stores them: wq, wk, wv, wo `[D, D]`, w1 `[D, ffDim]`, w2 `[ffDim, D]`. */
  weights: {
    wq: GraphTensor;
    bq: GraphTensor;
    wk: GraphTensor;
    bk: GraphTensor;
    wv: GraphTensor;
    bv: GraphTensor;
    wo: GraphTensor;
    bo: GraphTensor;
    ln1Gamma: GraphTensor;
    ln1Beta: GraphTensor;
    w1: GraphTensor;
    b1: GraphTensor;
    w2: GraphTensor;
    b2: GraphTensor;
    ln2Gamma: GraphTensor;
    ln2Beta: GraphTensor;
  };
}

/** Mean over the real (unmasked) steps `[T, D] -> [D]` (trainer: models/layers/MaskedAveragePooling.ts). */
export interface MaskedAveragePoolingLayerSpec extends LayerSpecBase {
  type: 'maskedAveragePooling';
}

/** The newest step of a sequence `[T, D] -> [D]` (trainer: models/layers/LastStep.ts); ignores the mask. */
export interface LastStepLayerSpec extends LayerSpecBase {
  type: 'lastStep';
}

/**
 * Keras Concatenate on the last axis, of vectors or of sequences with the same steps. The mask of
 * a sequence result is the AND of the input masks (tfjs: all() over the concatenated masks).
 */
export interface ConcatenateLayerSpec extends LayerSpecBase {
  type: 'concatenate';
  inputs: string[];
}

/** One layer of a sequence graph; inference-only layers (Dropout) are left out by the converter. */
export type LayerSpec =
  | MaskingLayerSpec
  | LstmLayerSpec
  | GruLayerSpec
  | DenseLayerSpec
  | TemporalAttentionLayerSpec
  | PositionalEncodingLayerSpec
  | TransformerEncoderBlockLayerSpec
  | MaskedAveragePoolingLayerSpec
  | LastStepLayerSpec
  | ConcatenateLayerSpec;

/**
 * A deep sequence model as the edge kernels run it: a plain description (sizes, activations and
 * named weight arrays) of layers in execution order, from one window `[windowLength,
 * featureCount]` to the last layer's output vector (candlecast: softmax [p(SELL), p(BUY)]).
 * Mostly a chain; `inputs` expresses the few branches (e.g. attention and last step, concatenated).
 * Produced from a tfjs LayersModel by the trainer's `fromTfjsModel`.
 */
export interface SequenceGraph {
  format: 'candlecast.sequence-graph';
  version: 1;
  windowLength: number;
  featureCount: number;
  layers: LayerSpec[];
}
