import { alea } from './alea';

/**
 * The multipliers tfjs's Dropout layer applies in training, drawn in order from one seed: each
 * is floor(u + keep) / keep with u from tf.randomUniform(shape, 0, 1, 'float32', seed), every
 * step in float32 as tfjs computes it, so each multiplier is 0 or 1 / keep (inverted dropout: the
 * expected output equals the input). Drawing the first k values and then the rest gives the same
 * values as drawing all at once, so a batch's mask can be drawn in parts.
 */
export class DropoutMaskStream {
  private readonly next: () => number;
  private readonly keep: number;
  private readonly scale: number;

  /** With `seed` undefined tfjs seeds from Math.random(), and so does this. */
  constructor(rate: number, seed: number | undefined) {
    this.keep = Math.fround(1 - rate);
    this.scale = Math.fround(1 / this.keep);
    this.next = alea(String(seed ?? Math.random()));
  }

  /** Writes the next `out.length` multipliers into `out`. */
  fill(out: Float32Array): Float32Array {
    const f = Math.fround;
    for (let k = 0; k < out.length; k++) out[k] = Math.floor(f(f(this.next()) + this.keep)) * this.scale;
    return out;
  }
}

/** The whole mask of an input of `size` elements (row-major, e.g. [batch, W, units]) for one seed. */
export function dropoutMask(size: number, rate: number, seed: number | undefined, out = new Float32Array(size)): Float32Array {
  return new DropoutMaskStream(rate, seed).fill(out.subarray(0, size));
}
