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
