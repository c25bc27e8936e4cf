import { CandlecastError } from '../../errors/CandlecastError';
import type { Dataset } from '../../windows/buildDataset';
import type { TabularSpec } from './TabularSpec';

const OP_CODES = { last: 0, lag: 1, mean: 2, std: 3, min: 4, max: 5 } as const;

/** A TabularSpec resolved to typed arrays once, so filling rows does no name lookups or allocation. */
export interface TabularPlan {
  columnCount: number;
  featureCount: number;
  requiredWindow: number;
  op: Int32Array;
  feature: Int32Array;
  /** lag for `lag`, span for summaries, 0 for `last`. */
  param: Int32Array;
}

/** Resolves a spec's feature names to row offsets. */
export function compileTabularSpec(spec: TabularSpec): TabularPlan {
  const n = spec.columns.length;
  const plan: TabularPlan = {
    columnCount: n,
    featureCount: spec.baseNames.length,
    requiredWindow: spec.requiredWindow,
    op: new Int32Array(n),
    feature: new Int32Array(n),
    param: new Int32Array(n),
  };
  spec.columns.forEach((column, c) => {
    plan.op[c] = OP_CODES[column.op];
    plan.feature[c] = spec.baseNames.indexOf(column.feature);
    plan.param[c] = column.op === 'last' ? 0 : column.op === 'lag' ? column.lag : column.span;
  });
  return plan;
}

/**
 * Writes one tabular row for the window ending at `endRow` of a row-major `[rows, featureCount]`
 * matrix into `out[outOffset ..]`. Sums run in float64 in row order and each value is stored as
 * float32, so the trainer and the edge produce the same bits.
 */
export function writeTabularRow(plan: TabularPlan, rows: Float32Array, endRow: number, out: Float32Array, outOffset: number): void {
  const F = plan.featureCount;
  for (let c = 0; c < plan.columnCount; c++) {
    const f = plan.feature[c];
    const p = plan.param[c];
    const op = plan.op[c];
    let value: number;
    if (op === 0) value = rows[endRow * F + f];
    else if (op === 1) value = rows[(endRow - p) * F + f];
    else {
      const first = endRow - p + 1;
      if (op === 2 || op === 3) {
        let sum = 0;
        for (let r = first; r <= endRow; r++) sum += rows[r * F + f];
        const mean = sum / p;
        if (op === 2) value = mean;
        else {
          let squares = 0;
          for (let r = first; r <= endRow; r++) squares += (rows[r * F + f] - mean) ** 2;
          value = Math.sqrt(squares / p);
        }
      } else {
        value = rows[first * F + f];
        for (let r = first + 1; r <= endRow; r++) {
          const x = rows[r * F + f];
          if (op === 4 ? x < value : x > value) value = x;
        }
      }
    }
    out[outOffset + c] = value;
  }
}

/**
 * Tabular rows `[samples.length, columns]` for samples (indices into `dataset.ends`) of a dataset
 * whose feature rows are already normalised. `out` may be passed in to reuse a buffer.
 */
export function fillTabular(
  spec: TabularSpec,
  dataset: Pick<Dataset, 'spec' | 'features' | 'featureCount' | 'windowLength' | 'ends'>,
  samples: ArrayLike<number>,
  out: Float32Array = new Float32Array(samples.length * spec.columns.length),
): Float32Array {
  if (dataset.spec.hash !== spec.featureSpecHash) {
    throw new CandlecastError('tabular_spec_mismatch', `tabular spec reads feature spec ${spec.featureSpecHash.slice(0, 12)}, the dataset has ${dataset.spec.hash.slice(0, 12)}`);
  }
  if (dataset.windowLength < spec.requiredWindow) {
    throw new CandlecastError('tabular_spec_mismatch', `tabular columns need windows of ${spec.requiredWindow} rows, the dataset has ${dataset.windowLength}`);
  }
  const plan = compileTabularSpec(spec);
  if (out.length < samples.length * plan.columnCount) throw new RangeError(`out holds ${out.length} values, needs ${samples.length * plan.columnCount}`);
  for (let s = 0; s < samples.length; s++) writeTabularRow(plan, dataset.features, dataset.ends[samples[s]], out, s * plan.columnCount);
  return out;
}

/** One tabular row from a single normalised window `[windowLength, featureCount]` (what the edge holds). */
export function tabularRowFromWindow(spec: TabularSpec, window: Float32Array, out: Float32Array = new Float32Array(spec.columns.length)): Float32Array {
  const F = spec.baseNames.length;
  const windowLength = window.length / F;
  if (!Number.isInteger(windowLength) || windowLength < spec.requiredWindow) {
    throw new CandlecastError('tabular_spec_mismatch', `window of ${window.length} values is not [>= ${spec.requiredWindow}, ${F}]`);
  }
  writeTabularRow(compileTabularSpec(spec), window, windowLength - 1, out, 0);
  return out;
}
