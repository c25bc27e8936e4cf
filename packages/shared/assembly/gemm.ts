/*
 * Single-precision matrix product for the LSTM engine:
 *
 *   C[i, j] (+)= sum_k A(i, k) * B[k, j]      i < m, j < n, k < depth
 *
 * A is addressed through two strides, A(i, k) = a[i * aRowStride + k * aColStride], so the same
 * kernel serves A (row-major, strides (K, 1)) and A transposed (strides (1, M)) - the weight
 * gradients X^T dZ need the latter. B and C are row-major with leading dimensions ldb and ldc.
 * Pointers are byte addresses, strides are in elements. wasm SIMD has no fused multiply-add, so
 * products and sums round separately.
 *
 * The work is cut into 4 x 8 tiles of C held in 8 f32x4 registers while `depth` streams past.
 * Depth is split into blocks of DEPTH_BLOCK and rows into blocks of ROW_BLOCK, so the part of A
 * and the B column strip a tile reads stay in L1/L2 even when depth is large (weight gradients
 * sum over batch x time = thousands of rows) or A is tall (input projections of all steps).
 * Sizes picked by measuring the reference LSTM's shapes on the dev machine (Zen 4, 1 MB L2).
 */

const DEPTH_BLOCK: i32 = 64;
const ROW_BLOCK: i32 = 128;

export function gemm(m: i32, n: i32, depth: i32, a: usize, aRowStride: i32, aColStride: i32, b: usize, ldb: i32, c: usize, ldc: i32, accumulate: i32): void {
  for (let k0 = 0; k0 < depth; k0 += DEPTH_BLOCK) {
    const kb = min(DEPTH_BLOCK, depth - k0);
    const ak = a + ((<usize>k0 * <usize>aColStride) << 2);
    const bk = b + ((<usize>k0 * <usize>ldb) << 2);
    for (let i0 = 0; i0 < m; i0 += ROW_BLOCK) {
      const mb = min(ROW_BLOCK, m - i0);
      gemmBlock(mb, n, kb, ak + ((<usize>i0 * <usize>aRowStride) << 2), aRowStride, aColStride, bk, ldb, c + ((<usize>i0 * <usize>ldc) << 2), ldc, accumulate | <i32>(k0 > 0));
    }
  }
  if (depth == 0 && !accumulate) {
    for (let i = 0; i < m; i++) memory.fill(c + ((<usize>i * <usize>ldc) << 2), 0, <usize>n << 2);
  }
}

function gemmBlock(m: i32, n: i32, depth: i32, a: usize, aRowStride: i32, aColStride: i32, b: usize, ldb: i32, c: usize, ldc: i32, accumulate: i32): void {
  const rowB = <usize>aRowStride << 2;
  const kB = <usize>aColStride << 2;
  const ldbB = <usize>ldb << 2;
  const ldcB = <usize>ldc << 2;
  let j = 0;
  for (; j + 8 <= n; j += 8) {
    const bj = b + (<usize>j << 2);
    let i = 0;
    for (; i + 4 <= m; i += 4) tile4x8(depth, a + <usize>i * rowB, rowB, kB, bj, ldbB, c + <usize>i * ldcB + (<usize>j << 2), ldcB, accumulate);
    for (; i < m; i++) tile1x8(depth, a + <usize>i * rowB, kB, bj, ldbB, c + <usize>i * ldcB + (<usize>j << 2), accumulate);
  }
  for (; j + 4 <= n; j += 4) {
    const bj = b + (<usize>j << 2);
    for (let i = 0; i < m; i++) tile1x4(depth, a + <usize>i * rowB, kB, bj, ldbB, c + <usize>i * ldcB + (<usize>j << 2), accumulate);
  }
  for (; j < n; j++) {
    const bj = b + (<usize>j << 2);
    for (let i = 0; i < m; i++) {
      let sum: f32 = 0;
      let pa = a + <usize>i * rowB;
      let pb = bj;
      for (let k = 0; k < depth; k++) {
        sum += load<f32>(pa) * load<f32>(pb);
        pa += kB;
        pb += ldbB;
      }
      const pc = c + <usize>i * ldcB + (<usize>j << 2);
      store<f32>(pc, accumulate ? load<f32>(pc) + sum : sum);
    }
  }
}

// @ts-ignore: decorator
@inline
function tile4x8(depth: i32, a: usize, rowB: usize, kB: usize, b: usize, ldbB: usize, c: usize, ldcB: usize, accumulate: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  let pa = a;
  let pb = b;
  for (let k = 0; k < depth; k++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let s = v128.load32_splat(pa);
    c00 = f32x4.add(c00, f32x4.mul(s, b0));
    c01 = f32x4.add(c01, f32x4.mul(s, b1));
    s = v128.load32_splat(pa + rowB);
    c10 = f32x4.add(c10, f32x4.mul(s, b0));
    c11 = f32x4.add(c11, f32x4.mul(s, b1));
    s = v128.load32_splat(pa + 2 * rowB);
    c20 = f32x4.add(c20, f32x4.mul(s, b0));
    c21 = f32x4.add(c21, f32x4.mul(s, b1));
    s = v128.load32_splat(pa + 3 * rowB);
    c30 = f32x4.add(c30, f32x4.mul(s, b0));
    c31 = f32x4.add(c31, f32x4.mul(s, b1));
    pa += kB;
    pb += ldbB;
  }
  const r1 = c + ldcB, r2 = c + 2 * ldcB, r3 = c + 3 * ldcB;
  if (accumulate) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(r1));
    c11 = f32x4.add(c11, v128.load(r1, 16));
    c20 = f32x4.add(c20, v128.load(r2));
    c21 = f32x4.add(c21, v128.load(r2, 16));
    c30 = f32x4.add(c30, v128.load(r3));
    c31 = f32x4.add(c31, v128.load(r3, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(r1, c10);
  v128.store(r1, c11, 16);
  v128.store(r2, c20);
  v128.store(r2, c21, 16);
  v128.store(r3, c30);
  v128.store(r3, c31, 16);
}

// @ts-ignore: decorator
@inline
function tile1x8(depth: i32, a: usize, kB: usize, b: usize, ldbB: usize, c: usize, accumulate: i32): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0);
  let pa = a;
  let pb = b;
  for (let k = 0; k < depth; k++) {
    const s = v128.load32_splat(pa);
    c0 = f32x4.add(c0, f32x4.mul(s, v128.load(pb)));
    c1 = f32x4.add(c1, f32x4.mul(s, v128.load(pb, 16)));
    pa += kB;
    pb += ldbB;
  }
  if (accumulate) {
    c0 = f32x4.add(c0, v128.load(c));
    c1 = f32x4.add(c1, v128.load(c, 16));
  }
  v128.store(c, c0);
  v128.store(c, c1, 16);
}

// @ts-ignore: decorator
@inline
function tile1x4(depth: i32, a: usize, kB: usize, b: usize, ldbB: usize, c: usize, accumulate: i32): void {
  let c0 = f32x4.splat(0);
  let pa = a;
  let pb = b;
  for (let k = 0; k < depth; k++) {
    c0 = f32x4.add(c0, f32x4.mul(v128.load32_splat(pa), v128.load(pb)));
    pa += kB;
    pb += ldbB;
  }
  if (accumulate) c0 = f32x4.add(c0, v128.load(c));
  v128.store(c, c0);
}
