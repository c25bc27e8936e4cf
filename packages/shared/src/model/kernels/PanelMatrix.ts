import { doubles } from './doubles';

/** Output columns per panel: eight accumulators is the widest block V8 keeps in registers. */
export const PANEL_WIDTH = 8;

/**
 * A weight matrix `[depth, columns]` repacked for the multiply loops: columns are grouped in
 * panels of 8, and one panel stores its 8 weights of input row 0, then of row 1, ... so the
 * inner loop reads a single contiguous stream. Values are doubles in a plain array (see
 * doubles.ts; f64 also spares V8 an f32 -> f64 conversion per load); columns are zero-padded to a
 * multiple of 8.
 */
export interface PanelMatrix {
  readonly depth: number;
  readonly columns: number;
  readonly paddedColumns: number;
  readonly values: number[];
}

/** Rounds a column count up to whole panels. */
export function paddedColumnCount(columns: number): number {
  return Math.ceil(columns / PANEL_WIDTH) * PANEL_WIDTH;
}

/**
 * Packs row-major `source [depth, sourceColumns]` (tfjs layout). `columnSource[j]` names the
 * source column of packed column j, or -1 for a zero column; this is how the recurrent kernels
 * reorder gates without a second copy.
 */
export function packPanelMatrix(
  source: Float32Array,
  depth: number,
  sourceColumns: number,
  columnSource: ArrayLike<number>,
): PanelMatrix {
  const paddedColumns = paddedColumnCount(columnSource.length);
  const values = doubles(depth * paddedColumns);
  let at = 0;
  for (let panel = 0; panel < paddedColumns; panel += PANEL_WIDTH) {
    for (let row = 0; row < depth; row++) {
      for (let c = 0; c < PANEL_WIDTH; c++) {
        const column = panel + c < columnSource.length ? columnSource[panel + c] : -1;
        values[at++] = column < 0 ? 0 : source[row * sourceColumns + column];
      }
    }
  }
  return { depth, columns: columnSource.length, paddedColumns, values };
}

/** 0, 1, ..., count - 1: the identity column order. */
export function identityColumns(count: number): Int32Array {
  const order = new Int32Array(count);
  for (let j = 0; j < count; j++) order[j] = j;
  return order;
}

/** A bias vector padded to whole panels (zeros when the layer has none). */
export function paddedVector(source: Float32Array | undefined, columnSource: ArrayLike<number>): number[] {
  const padded = doubles(paddedColumnCount(columnSource.length));
  if (source) {
    for (let j = 0; j < columnSource.length; j++) if (columnSource[j] >= 0) padded[j] = source[columnSource[j]];
  }
  return padded;
}
