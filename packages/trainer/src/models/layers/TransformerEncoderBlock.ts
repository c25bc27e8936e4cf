/*
 * TransformerEncoderBlock: one post-norm encoder block (Vaswani et al. 2017): multi-head scaled
 * dot-product self-attention, residual, layer norm, position-wise feed-forward (ReLU), residual,
 * layer norm. The edge kernel in packages/shared/src/model/kernels/ must reproduce exactly this.
 *
 *   input   X  [batch, T, D]  (D = dModel)   mask m [batch, T] bool, true = real step (absent = all)
 *   config  heads H (D % H == 0, dk = D / H), ffDim F, epsilon = 1e-5
 *   weights, in getWeights() order (all float32):
 *     0  wq [D, D]   1  bq [D]        query projection
 *     2  wk [D, D]   3  bk [D]        key projection
 *     4  wv [D, D]   5  bv [D]        value projection
 *     6  wo [D, D]   7  bo [D]        output projection
 *     8  ln1Gamma [D]  9  ln1Beta [D] layer norm after attention
 *    10  w1 [D, F]  11  b1 [F]        feed-forward in
 *    12  w2 [F, D]  13  b2 [D]        feed-forward out
 *    14  ln2Gamma [D] 15  ln2Beta [D] layer norm after feed-forward
 *
 *   Q = X wq + bq, K = X wk + bk, V = X wv + bv                       [T, D] per sample
 *   head h uses columns h*dk .. (h+1)*dk - 1 of Q, K, V:
 *     S_h[i, j] = (Q_h[i] . K_h[j]) / sqrt(dk) + (m_j ? 0 : -1e9)     [T, T]
 *     P_h = softmax over j (the key axis, last axis; max-subtracted)  -> padded keys get exactly 0
 *     O_h = P_h V_h                                                   [T, dk]
 *   O = concat(O_0 .. O_{H-1}) along features (head 0 first)         [T, D]
 *   X1 = LN1(X + O wo + bo)
 *   Y  = LN2(X1 + relu(X1 w1 + b1) w2 + b2)
 *   LN(z) per step over the D features: mu = mean(z), var = mean((z - mu)^2) (population),
 *          LN(z) = (z - mu) / sqrt(var + 1e-5) * gamma + beta
 *   Padded query rows are computed like any other but never reach a real step (they are masked
 *   as keys in every block and left out of the pooling), so a kernel may skip them.
 *   The mask passes through unchanged. No dropout inside the block (the model puts standard
 *   Dropout layers around it), so training and inference run the same math.
 *
 * Changing this math after the kernels exist needs a dated note here.
 */
import * as tf from '@tensorflow/tfjs';
import { CandlecastError } from '@candlecast/shared';
import { maskFrom, singleShape, type BaseLayerArgs } from './layerArgs';

/** Added to the score of a padded key before the softmax. */
export const ENCODER_MASK_PENALTY = -1e9;
/** Layer-norm epsilon (inside the square root). */
export const LAYER_NORM_EPSILON = 1e-5;

export interface TransformerEncoderBlockArgs extends BaseLayerArgs {
  heads: number;
  ffDim: number;
  /** Seed of the glorotUniform initializers (each matrix gets seed + its index). */
  seed?: number;
}

/** A post-norm transformer encoder block `[batch, T, D] -> [batch, T, D]`; see the top of this file. */
export class TransformerEncoderBlock extends tf.layers.Layer {
  static readonly className = 'TransformerEncoderBlock';
  readonly heads: number;
  readonly ffDim: number;
  readonly seed: number | undefined;
  private params: tf.LayerVariable[] = [];

  constructor(args: TransformerEncoderBlockArgs) {
    super(args);
    this.heads = args.heads;
    this.ffDim = args.ffDim;
    this.seed = args.seed ?? undefined;
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const depth = singleShape(inputShape)[2] as number;
    if (depth % this.heads !== 0) {
      throw new CandlecastError('invalid_model_config', `transformer dModel ${depth} is not divisible by heads ${this.heads}`);
    }
    let matrices = 0;
    const matrix = (name: string, shape: number[]) =>
      this.addWeight(name, shape, 'float32', tf.initializers.glorotUniform({ seed: this.seed === undefined ? undefined : this.seed + matrices++ }));
    const vector = (name: string, size: number, value: 0 | 1) => this.addWeight(name, [size], 'float32', value === 1 ? tf.initializers.ones() : tf.initializers.zeros());
    this.params = [
      matrix('wq', [depth, depth]), vector('bq', depth, 0),
      matrix('wk', [depth, depth]), vector('bk', depth, 0),
      matrix('wv', [depth, depth]), vector('bv', depth, 0),
      matrix('wo', [depth, depth]), vector('bo', depth, 0),
      vector('ln1Gamma', depth, 1), vector('ln1Beta', depth, 0),
      matrix('w1', [depth, this.ffDim]), vector('b1', this.ffDim, 0),
      matrix('w2', [this.ffDim, depth]), vector('b2', depth, 0),
      vector('ln2Gamma', depth, 1), vector('ln2Beta', depth, 0),
    ];
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return singleShape(inputShape);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [batch, steps, depth] = x.shape;
      const [wq, bq, wk, bk, wv, bv, wo, bo, g1, be1, w1, b1, w2, b2, g2, be2] = this.params.map((p) => p.read());
      const rows = tf.reshape(x, [batch * steps, depth]);
      const headSize = depth / this.heads;
      // [batch*T, D] -> [batch*H, T, dk]
      const split = (projected: tf.Tensor) =>
        tf.reshape(tf.transpose(tf.reshape(projected, [batch, steps, this.heads, headSize]), [0, 2, 1, 3]), [batch * this.heads, steps, headSize]);
      const q = split(tf.add(tf.matMul(rows, wq), bq));
      const k = split(tf.add(tf.matMul(rows, wk), bk));
      const v = split(tf.add(tf.matMul(rows, wv), bv));
      let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(headSize)) as tf.Tensor3D;
      const mask = maskFrom(kwargs);
      if (mask) {
        const penalty = tf.mul(tf.sub(1, tf.cast(mask, 'float32')), ENCODER_MASK_PENALTY);
        const perHead = tf.reshape(tf.tile(tf.reshape(penalty, [batch, 1, 1, steps]), [1, this.heads, 1, 1]), [batch * this.heads, 1, steps]);
        scores = tf.add(scores, perHead);
      }
      const attended = tf.matMul(tf.softmax(scores, -1), v);
      const merged = tf.reshape(tf.transpose(tf.reshape(attended, [batch, this.heads, steps, headSize]), [0, 2, 1, 3]), [batch * steps, depth]);
      const x1 = layerNorm(tf.add(rows, tf.add(tf.matMul(merged, wo), bo)), g1, be1);
      const feedForward = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x1, w1), b1)), w2), b2);
      return tf.reshape(layerNorm(tf.add(x1, feedForward), g2, be2), [batch, steps, depth]);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), heads: this.heads, ffDim: this.ffDim, seed: this.seed ?? null };
  }
}

function layerNorm(z: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const mean = tf.mean(z, -1, true);
  const centered = tf.sub(z, mean);
  const variance = tf.mean(tf.square(centered), -1, true);
  return tf.add(tf.mul(tf.mul(centered, tf.rsqrt(tf.add(variance, LAYER_NORM_EPSILON))), gamma), beta);
}

tf.serialization.registerClass(TransformerEncoderBlock);
