/**
 * Weight layouts of inference.wasm's matrix-vector products (packages/shared/assembly/matvec.ts).
 * `columns[j]` names the source column of packed column j (-1: a zero column); the packed column
 * count must be a multiple of `panel`. Source matrices are row-major `[depth, sourceColumns]`.
 */

/** f32 panels (matvecPanels): panel p holds its `panel` weights of row 0, then of row 1, ... */
export function writeF32Panels(heap: Float32Array, at: number, source: Float32Array, depth: number, sourceColumns: number, columns: ArrayLike<number>, panel: number): void {
  let i = at;
  for (let p = 0; p < columns.length; p += panel) {
    for (let row = 0; row < depth; row++) {
      for (let lane = 0; lane < panel; lane++, i++) {
        const column = columns[p + lane];
        heap[i] = column < 0 ? 0 : source[row * sourceColumns + column];
      }
    }
  }
}

/**
 * i16 panels of integer weights (matvecI16Panels): per panel and pair of rows (k, k + 1), the
 * `panel` columns' (q[k, c], q[k + 1, c]) in column order; rows past `depth` are zero.
 */
export function writeI16Panels(target: Int16Array, q: Int8Array, depth: number, sourceColumns: number, columns: ArrayLike<number>, panel: number): void {
  const pairs = Math.ceil(depth / 2);
  let i = 0;
  for (let p = 0; p < columns.length; p += panel) {
    for (let pair = 0; pair < pairs; pair++) {
      for (let lane = 0; lane < panel; lane++, i += 2) {
        const column = columns[p + lane];
        if (column < 0) continue;
        target[i] = q[2 * pair * sourceColumns + column];
        if (2 * pair + 1 < depth) target[i + 1] = q[(2 * pair + 1) * sourceColumns + column];
      }
    }
  }
}

/** 0..count - 1, then -1 up to a multiple of `panel`. */
export function paddedColumns(count: number, panel: number, first = 0): Int32Array {
  const columns = new Int32Array(Math.ceil(count / panel) * panel).fill(-1);
  for (let j = 0; j < count; j++) columns[j] = first + j;
  return columns;
}
