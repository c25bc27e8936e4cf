/** Largest input depth for which the i16 recurrent product provably cannot overflow i32 (127 x 32767 x 512 < 2^31). */
export const MAX_I16_DEPTH = 512;

/**
 * If `matrix [depth, columns]` (row-major) holds int8 values with one scale per column - what an
 * int8 artifact's dequantized weights are: q * scale[c], |q| <= 127 (docs/ARTIFACTS.md) - returns
 * the integers and scales, else null. The scale is recomputed as max|w[:, c]| / 127, which is the
 * stored scale (the largest |q| of a column is 127 by construction); every weight must then be an
 * integer multiple of it to within float32 rounding, so fp32/fp16 weights are never mistaken for int8.
 */
export function int8Columns(matrix: Float32Array, depth: number, columns: number): { q: Int8Array; scale: Float32Array } | null {
  const q = new Int8Array(depth * columns);
  const scale = new Float32Array(columns);
  for (let c = 0; c < columns; c++) {
    let max = 0;
    for (let k = 0; k < depth; k++) max = Math.max(max, Math.abs(matrix[k * columns + c]));
    const s = max / 127;
    scale[c] = s;
    if (s === 0) continue;
    for (let k = 0; k < depth; k++) {
      const ratio = matrix[k * columns + c] / s;
      const n = Math.round(ratio);
      if (Math.abs(ratio - n) > 1e-4 || Math.abs(n) > 127) return null;
      q[k * columns + c] = n;
    }
  }
  return { q, scale };
}
