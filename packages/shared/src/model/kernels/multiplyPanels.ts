import type { PanelMatrix } from './PanelMatrix';

/**
 * out[r, j] = addend[r, j] + sum_k input[r, k] * W[k, j] for `rows` rows and the first
 * `outColumns` columns (up to W.paddedColumns). Rows are read at `inputOffset + r * inputStride`,
 * the addend at `addendOffset + r * addendStride` (stride 0 broadcasts a bias; it must hold
 * W.paddedColumns values), results go to `outOffset + r * outStride`.
 *
 * Two input rows share each weight load; eight columns accumulate in registers. Allocates nothing.
 */
export function multiplyPanels(
  matrix: PanelMatrix,
  input: number[],
  inputOffset: number,
  inputStride: number,
  rows: number,
  addend: number[],
  addendOffset: number,
  addendStride: number,
  out: number[],
  outOffset: number,
  outStride: number,
  outColumns: number,
): void {
  const depth = matrix.depth;
  const w = matrix.values;
  const columns = matrix.paddedColumns;
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const x0 = inputOffset + r * inputStride;
    const x1 = x0 + inputStride;
    const b0 = addendOffset + r * addendStride;
    const b1 = b0 + addendStride;
    let p = 0;
    for (let j = 0; j < columns; j += 8) {
      let a0 = addend[b0 + j], a1 = addend[b0 + j + 1], a2 = addend[b0 + j + 2], a3 = addend[b0 + j + 3];
      let a4 = addend[b0 + j + 4], a5 = addend[b0 + j + 5], a6 = addend[b0 + j + 6], a7 = addend[b0 + j + 7];
      let c0 = addend[b1 + j], c1 = addend[b1 + j + 1], c2 = addend[b1 + j + 2], c3 = addend[b1 + j + 3];
      let c4 = addend[b1 + j + 4], c5 = addend[b1 + j + 5], c6 = addend[b1 + j + 6], c7 = addend[b1 + j + 7];
      for (let k = 0; k < depth; k++) {
        const u = input[x0 + k];
        const v = input[x1 + k];
        let q = w[p];
        a0 += u * q; c0 += v * q;
        q = w[p + 1]; a1 += u * q; c1 += v * q;
        q = w[p + 2]; a2 += u * q; c2 += v * q;
        q = w[p + 3]; a3 += u * q; c3 += v * q;
        q = w[p + 4]; a4 += u * q; c4 += v * q;
        q = w[p + 5]; a5 += u * q; c5 += v * q;
        q = w[p + 6]; a6 += u * q; c6 += v * q;
        q = w[p + 7]; a7 += u * q; c7 += v * q;
        p += 8;
      }
      const o0 = outOffset + r * outStride + j;
      const o1 = o0 + outStride;
      if (j + 8 <= outColumns) {
        out[o0] = a0; out[o0 + 1] = a1; out[o0 + 2] = a2; out[o0 + 3] = a3;
        out[o0 + 4] = a4; out[o0 + 5] = a5; out[o0 + 6] = a6; out[o0 + 7] = a7;
        out[o1] = c0; out[o1 + 1] = c1; out[o1 + 2] = c2; out[o1 + 3] = c3;
        out[o1 + 4] = c4; out[o1 + 5] = c5; out[o1 + 6] = c6; out[o1 + 7] = c7;
      } else {
        writePartial(out, o0, outColumns - j, a0, a1, a2, a3, a4, a5, a6);
        writePartial(out, o1, outColumns - j, c0, c1, c2, c3, c4, c5, c6);
      }
    }
  }
  if (r < rows) {
    multiplyPanelsRow(
      matrix,
      input,
      inputOffset + r * inputStride,
      addend,
      addendOffset + r * addendStride,
      out,
      outOffset + r * outStride,
      outColumns,
    );
  }
}

/** One row of `multiplyPanels` (a matrix-vector product): the recurrent step's hot loop. */
export function multiplyPanelsRow(
  matrix: PanelMatrix,
  input: number[],
  inputOffset: number,
  addend: number[],
  addendOffset: number,
  out: number[],
  outOffset: number,
  outColumns: number,
): void {
  const depth = matrix.depth;
  const w = matrix.values;
  const columns = matrix.paddedColumns;
  let p = 0;
  for (let j = 0; j < columns; j += 8) {
    const b = addendOffset + j;
    let a0 = addend[b], a1 = addend[b + 1], a2 = addend[b + 2], a3 = addend[b + 3];
    let a4 = addend[b + 4], a5 = addend[b + 5], a6 = addend[b + 6], a7 = addend[b + 7];
    for (let k = 0; k < depth; k++) {
      const u = input[inputOffset + k];
      a0 += u * w[p];
      a1 += u * w[p + 1];
      a2 += u * w[p + 2];
      a3 += u * w[p + 3];
      a4 += u * w[p + 4];
      a5 += u * w[p + 5];
      a6 += u * w[p + 6];
      a7 += u * w[p + 7];
      p += 8;
    }
    const o = outOffset + j;
    if (j + 8 <= outColumns) {
      out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3;
      out[o + 4] = a4; out[o + 5] = a5; out[o + 6] = a6; out[o + 7] = a7;
    } else {
      writePartial(out, o, outColumns - j, a0, a1, a2, a3, a4, a5, a6);
    }
  }
}

function writePartial(
  out: number[],
  at: number,
  count: number,
  a0: number, a1: number, a2: number, a3: number, a4: number, a5: number, a6: number,
): void {
  if (count > 0) out[at] = a0;
  if (count > 1) out[at + 1] = a1;
  if (count > 2) out[at + 2] = a2;
  if (count > 3) out[at + 3] = a3;
  if (count > 4) out[at + 4] = a4;
  if (count > 5) out[at + 5] = a5;
  if (count > 6) out[at + 6] = a6;
}
