import type { Candle } from '../candles/Candle';
import type { FeatureFamily } from './FeatureFamily';
import type { FeatureKernel } from './FeatureKernel';
import type { FeatureSpec } from './FeatureSpec';
import { resolveFeatures } from './FeatureSpec';

/** Candles per block in addMany: enough for each kernel's code and state to stay hot, few enough to stay in L1. */
const BLOCK = 128;

/**
 * Computes one feature row per candle, causally: the row for a candle depends on it and earlier
 * candles only. This is the one implementation of feature computation; batch (computeFeatures),
 * the trainer and the edge all drive it. Feeding candles allocates nothing, and `reset()` lets a
 * long-lived owner (the SignalEngine) reuse one stream for every request.
 *
 * Members of one FeatureFamily in the spec share a kernel, run once per candle; every other
 * feature has its own. Kernels write float64 into a scratch buffer first, so a value is checked
 * for finiteness before float32 rounding, as it always was.
 */
export class FeatureStream {
  private readonly kernels: FeatureKernel[] = [];
  /** Values each kernel writes per candle. */
  private readonly widths: number[] = [];
  /** Where kernel k's values start in `row`. */
  private readonly rowStarts: number[] = [];
  /** For feature f: its kernel, and its value's position among that kernel's values. */
  private readonly kernelOf: Int32Array;
  private readonly partOf: Int32Array;
  private readonly row: Float64Array;
  private readonly column: Float64Array;
  private seen = 0;

  constructor(readonly spec: FeatureSpec) {
    const definitions = resolveFeatures(spec.names);
    this.kernelOf = new Int32Array(definitions.length);
    this.partOf = new Int32Array(definitions.length);
    const familyKernels = new Map<FeatureFamily, number>();
    let rowWidth = 0;
    definitions.forEach((definition, f) => {
      const family = definition.family;
      let k = family ? familyKernels.get(family.of) : undefined;
      if (k === undefined) {
        k = this.kernels.length;
        this.kernels.push(family ? family.of.create() : definition.create());
        this.widths.push(family ? family.of.width : 1);
        this.rowStarts.push(rowWidth);
        rowWidth += this.widths[k];
        if (family) familyKernels.set(family.of, k);
      }
      this.kernelOf[f] = k;
      this.partOf[f] = family ? family.part : 0;
    });
    this.row = new Float64Array(rowWidth);
    this.column = new Float64Array(BLOCK * Math.max(...this.widths));
  }

  /**
   * Feeds one candle and writes its feature row into `out` at `offset` (NaN where a feature is
   * still warming up or not finite). Returns true when the whole row is defined.
   */
  add(candle: Candle, out: Float32Array, offset = 0): boolean {
    this.seen++;
    const row = this.row;
    for (let k = 0; k < this.kernels.length; k++) this.kernels[k].write(candle, row, this.rowStarts[k]);
    let complete = true;
    for (let f = 0; f < this.kernelOf.length; f++) {
      const value = row[this.rowStarts[this.kernelOf[f]] + this.partOf[f]];
      if (Number.isFinite(value)) {
        out[offset + f] = value;
      } else {
        out[offset + f] = Number.NaN;
        complete = false;
      }
    }
    return complete;
  }

  /**
   * Feeds `count` candles from `candles[start]` on and writes their rows, row-major, from
   * `out[offset]`: exactly the rows `add` writes one candle at a time (each kernel sees the same
   * candles in the same order), computed kernel by kernel over blocks of candles. Running one
   * kernel over many candles keeps its code and state hot, which is most of the speed on the
   * serving path.
   */
  addMany(candles: readonly Candle[], start: number, count: number, out: Float32Array, offset = 0): void {
    const F = this.kernelOf.length;
    const column = this.column;
    for (let from = 0; from < count; from += BLOCK) {
      const n = Math.min(BLOCK, count - from);
      for (let k = 0; k < this.kernels.length; k++) {
        const kernel = this.kernels[k];
        const width = this.widths[k];
        for (let i = 0; i < n; i++) kernel.write(candles[start + from + i], column, i * width);
        for (let f = 0; f < F; f++) {
          if (this.kernelOf[f] !== k) continue;
          for (let i = 0, c = this.partOf[f], o = offset + from * F + f; i < n; i++, c += width, o += F) {
            const value = column[c];
            out[o] = Number.isFinite(value) ? value : Number.NaN;
          }
        }
      }
    }
    this.seen += count;
  }

  /** Forgets every candle fed: the next rows equal those of a freshly constructed stream. */
  reset(): void {
    for (let k = 0; k < this.kernels.length; k++) this.kernels[k].reset();
    this.seen = 0;
  }

  /** Candles fed so far. */
  get count(): number {
    return this.seen;
  }
}
