/*
 * out[j] = addend[j] + sum_k x[k] * W[k, j] for one input row: the recurrent step of an RNN, where
 * the batch is one sequence so every weight is used once per step and the product is bound by how
 * fast the weights stream past. W is stored in panels of PANEL columns (see packRecurrent in
 * src/model/kernels/wasm/WasmLstmKernel.ts): panel p holds its PANEL weights of row 0, then of
 * row 1, ..., so each panel is one contiguous read and its PANEL sums stay in 8 f32x4 registers.
 * `columns` must be a multiple of PANEL (the host pads with zero columns). Byte pointers.
 */

/** Columns per panel: 8 f32x4 accumulators. */
export const PANEL: i32 = 32;

export function matvecPanels(columns: i32, depth: i32, x: usize, w: usize, addend: usize, out: usize): void {
  const panelB = <usize>PANEL << 2;
  let pw = w;
  for (let j = 0; j < columns; j += PANEL) {
    const a = addend + (<usize>j << 2);
    let c0 = v128.load(a), c1 = v128.load(a, 16), c2 = v128.load(a, 32), c3 = v128.load(a, 48);
    let c4 = v128.load(a, 64), c5 = v128.load(a, 80), c6 = v128.load(a, 96), c7 = v128.load(a, 112);
    let px = x;
    for (let k = 0; k < depth; k++) {
      const s = v128.load32_splat(px);
      c0 = f32x4.add(c0, f32x4.mul(s, v128.load(pw)));
      c1 = f32x4.add(c1, f32x4.mul(s, v128.load(pw, 16)));
      c2 = f32x4.add(c2, f32x4.mul(s, v128.load(pw, 32)));
      c3 = f32x4.add(c3, f32x4.mul(s, v128.load(pw, 48)));
      c4 = f32x4.add(c4, f32x4.mul(s, v128.load(pw, 64)));
      c5 = f32x4.add(c5, f32x4.mul(s, v128.load(pw, 80)));
      c6 = f32x4.add(c6, f32x4.mul(s, v128.load(pw, 96)));
      c7 = f32x4.add(c7, f32x4.mul(s, v128.load(pw, 112)));
      px += 4;
      pw += panelB;
    }
    const o = out + (<usize>j << 2);
    v128.store(o, c0);
    v128.store(o, c1, 16);
    v128.store(o, c2, 32);
    v128.store(o, c3, 48);
    v128.store(o, c4, 64);
    v128.store(o, c5, 80);
    v128.store(o, c6, 96);
    v128.store(o, c7, 112);
  }
}

/**
 * The same product for int8 weights and a 16-bit fixed-point input (i32x4.dot_i16x8_s: eight
 * multiply-adds per instruction, twice matvecPanels' rate, half its weight bytes):
 *   out[j] = addend[j] + scale[j] * sum_k q[k, j] * x16[k]
 * q holds integer weights (|q| <= 127, the artifact's int8 values) as i16; x16 the input times
 * 32767, rounded. A panel of PANEL columns stores, per pair of rows (k, k + 1), 8 vectors of
 * 4 columns x (q[k, c], q[k + 1, c]), so one dot product sums both rows for 4 columns. `pairs`
 * is ceil(depth / 2); x16 and the weights are zero-padded to whole pairs. With |q| <= 127,
 * |x16| <= 32767 and depth <= 512 the i32 sums cannot overflow (the host checks).
 */
export function matvecI16Panels(columns: i32, pairs: i32, x16: usize, w: usize, scale: usize, addend: usize, out: usize): void {
  let pw = w;
  for (let j = 0; j < columns; j += PANEL) {
    let c0 = i32x4.splat(0), c1 = i32x4.splat(0), c2 = i32x4.splat(0), c3 = i32x4.splat(0);
    let c4 = i32x4.splat(0), c5 = i32x4.splat(0), c6 = i32x4.splat(0), c7 = i32x4.splat(0);
    let px = x16;
    for (let p = 0; p < pairs; p++) {
      const s = v128.load32_splat(px);
      c0 = i32x4.add(c0, i32x4.dot_i16x8_s(v128.load(pw), s));
      c1 = i32x4.add(c1, i32x4.dot_i16x8_s(v128.load(pw, 16), s));
      c2 = i32x4.add(c2, i32x4.dot_i16x8_s(v128.load(pw, 32), s));
      c3 = i32x4.add(c3, i32x4.dot_i16x8_s(v128.load(pw, 48), s));
      c4 = i32x4.add(c4, i32x4.dot_i16x8_s(v128.load(pw, 64), s));
      c5 = i32x4.add(c5, i32x4.dot_i16x8_s(v128.load(pw, 80), s));
      c6 = i32x4.add(c6, i32x4.dot_i16x8_s(v128.load(pw, 96), s));
      c7 = i32x4.add(c7, i32x4.dot_i16x8_s(v128.load(pw, 112), s));
      px += 4;
      pw += 128;
    }
    const o = <usize>j << 2;
    const a = addend + o, sc = scale + o, d = out + o;
    v128.store(d, f32x4.add(v128.load(a), f32x4.mul(f32x4.convert_i32x4_s(c0), v128.load(sc))));
    v128.store(d, f32x4.add(v128.load(a, 16), f32x4.mul(f32x4.convert_i32x4_s(c1), v128.load(sc, 16))), 16);
    v128.store(d, f32x4.add(v128.load(a, 32), f32x4.mul(f32x4.convert_i32x4_s(c2), v128.load(sc, 32))), 32);
    v128.store(d, f32x4.add(v128.load(a, 48), f32x4.mul(f32x4.convert_i32x4_s(c3), v128.load(sc, 48))), 48);
    v128.store(d, f32x4.add(v128.load(a, 64), f32x4.mul(f32x4.convert_i32x4_s(c4), v128.load(sc, 64))), 64);
    v128.store(d, f32x4.add(v128.load(a, 80), f32x4.mul(f32x4.convert_i32x4_s(c5), v128.load(sc, 80))), 80);
    v128.store(d, f32x4.add(v128.load(a, 96), f32x4.mul(f32x4.convert_i32x4_s(c6), v128.load(sc, 96))), 96);
    v128.store(d, f32x4.add(v128.load(a, 112), f32x4.mul(f32x4.convert_i32x4_s(c7), v128.load(sc, 112))), 112);
  }
}

/** The 16-bit fixed point matvecI16Panels takes: v16[u] = round(32767 v[u]), for values in [-1, 1]. */
// @ts-ignore: decorator
@inline
export function quantize(count: i32, v: usize, v16: usize): void {
  for (let u = 0; u < count; u++) store<i16>(v16 + (<usize>u << 1), <i16>(<i32>nearest<f32>(load<f32>(v + (<usize>u << 2)) * 32767)));
}
