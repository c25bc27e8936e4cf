/*
 * TemporalAttention: additive (Bahdanau-style, "feed-forward") attention over the time steps of a
 * recurrent layer's output sequence. The edge kernel in packages/shared/src/model/kernels/ must
 * reproduce exactly this math.
 *
 *   input   H  [batch, T, U]   (an LSTM/GRU output with returnSequences: true)
 *   mask    m  [batch, T]      bool, true where the step is a real candle (absent = all real)
 *   weights, in getWeights() order:
 *     0  kernel  W  [U, A]     (A = config.units)
 *     1  bias    b  [A]
 *     2  score   v  [A]
 *
 *   for each sample and step t:
 *     e_t = sum_a v[a] * tanh( sum_u H[t, u] * W[u, a] + b[a] )          (a scalar score)
 *     e_t = e_t + (m_t ? 0 : -1e9)                                       (padded steps)
 *   alpha = softmax over t of e (axis 1, the time axis; max-subtracted, float32)
 *     -> a padded step gets exactly 0 (exp underflows), so a kernel may instead take the
 *        softmax over the real steps only: the result is identical.
 *   output c [batch, U]:  c[u] = sum_t alpha_t * H[t, u]
 *   The output carries no mask. No dropout inside the layer; training and inference are the same.
 *
 * `alpha` is what `attentionWeights(model, windows)` returns ("which candles mattered").
 * Changing this math after the kernels exist needs a dated note here.
 */
import * as tf from '@tensorflow/tfjs';
import { maskFrom, singleShape, type BaseLayerArgs } from './layerArgs';

/** Added to the score of a padded step before the softmax. */
export const ATTENTION_MASK_PENALTY = -1e9;

export interface TemporalAttentionArgs extends BaseLayerArgs {
  /** Width A of the scoring layer. */
  units: number;
  /** Seed of the glorotUniform initializers (W: seed, v: seed + 1). */
  seed?: number;
}

/** Additive attention pooling `[batch, T, U] -> [batch, U]`; see the math at the top of this file. */
export class TemporalAttention extends tf.layers.Layer {
  static readonly className = 'TemporalAttention';
  readonly units: number;
  readonly seed: number | undefined;
  private kernel!: tf.LayerVariable;
  private bias!: tf.LayerVariable;
  private score!: tf.LayerVariable;

  constructor(args: TemporalAttentionArgs) {
    super(args);
    this.units = args.units;
    this.seed = args.seed ?? undefined;
    this.supportsMasking = true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const features = singleShape(inputShape)[2] as number;
    this.kernel = this.addWeight('kernel', [features, this.units], 'float32', tf.initializers.glorotUniform({ seed: this.seed }));
    this.bias = this.addWeight('bias', [this.units], 'float32', tf.initializers.zeros());
    this.score = this.addWeight('score', [this.units], 'float32', tf.initializers.glorotUniform({ seed: this.seed === undefined ? undefined : this.seed + 1 }));
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = singleShape(inputShape);
    return [shape[0], shape[2]];
  }

  override computeMask(): tf.Tensor {
    // The output has no time axis left to mask (tfjs types the absent mask as a Tensor).
    return null as unknown as tf.Tensor;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const sequence = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const alpha = this.weightsFor(sequence, maskFrom(kwargs));
      return tf.sum(tf.mul(sequence, tf.expandDims(alpha, 2)), 1);
    });
  }

  /** The attention weights alpha `[batch, T]` for a sequence `[batch, T, U]` (rows sum to 1). */
  weightsFor(sequence: tf.Tensor3D, mask?: tf.Tensor): tf.Tensor2D {
    return tf.tidy(() => {
      const [batch, steps, features] = sequence.shape;
      const hidden = tf.tanh(tf.add(tf.matMul(tf.reshape(sequence, [batch * steps, features]), this.kernel.read()), this.bias.read()));
      let scores = tf.reshape(tf.matMul(hidden, tf.reshape(this.score.read(), [this.units, 1])), [batch, steps]);
      if (mask) scores = tf.add(scores, tf.mul(tf.sub(1, tf.cast(mask, 'float32')), ATTENTION_MASK_PENALTY));
      return tf.softmax(scores, 1) as tf.Tensor2D;
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, seed: this.seed ?? null };
  }
}

tf.serialization.registerClass(TemporalAttention);
