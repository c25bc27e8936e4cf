/*
 * Element-wise helpers over flat f32 arrays (byte pointers, lengths in elements): Adam, column
 * sums for bias gradients, products for dropout masks, sums for gradients from several workers.
 */

/**
 * One Adam step in tfjs's order of f32 operations (AdamOptimizer.applyGradients):
 *   m = m b1 + g (1 - b1); v = v b2 + g^2 (1 - b2)
 *   p = p + (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps) * -lr
 * `oneMinusB1`, `oneMinusB2` are 1 - beta as tfjs rounds them; `correction1/2` are 1 - beta^t.
 */
export function adam(n: i32, params: usize, grads: usize, m: usize, v: usize, learningRate: f32, beta1: f32, beta2: f32, oneMinusB1: f32, oneMinusB2: f32, correction1: f32, correction2: f32, epsilon: f32): void {
  const b1 = f32x4.splat(beta1), b2 = f32x4.splat(beta2), c1 = f32x4.splat(correction1), c2 = f32x4.splat(correction2);
  const omb1 = f32x4.splat(oneMinusB1), omb2 = f32x4.splat(oneMinusB2), eps = f32x4.splat(epsilon), step = f32x4.splat(-learningRate);
  const vecEnd = n & ~3;
  for (let k = 0; k < vecEnd; k += 4) {
    const o = <usize>k << 2;
    const g = v128.load(grads + o);
    const mn = f32x4.add(f32x4.mul(v128.load(m + o), b1), f32x4.mul(g, omb1));
    const vn = f32x4.add(f32x4.mul(v128.load(v + o), b2), f32x4.mul(f32x4.mul(g, g), omb2));
    v128.store(m + o, mn);
    v128.store(v + o, vn);
    const update = f32x4.mul(f32x4.div(f32x4.div(mn, c1), f32x4.add(f32x4.sqrt(f32x4.div(vn, c2)), eps)), step);
    v128.store(params + o, f32x4.add(update, v128.load(params + o)));
  }
  for (let k = vecEnd; k < n; k++) {
    const o = <usize>k << 2;
    const g = load<f32>(grads + o);
    const mn = load<f32>(m + o) * beta1 + g * oneMinusB1;
    const vn = load<f32>(v + o) * beta2 + g * g * oneMinusB2;
    store<f32>(m + o, mn);
    store<f32>(v + o, vn);
    store<f32>(params + o, (mn / correction1 / (Mathf.sqrt(vn / correction2) + epsilon)) * -learningRate + load<f32>(params + o));
  }
}

/** out[j] (+)= sum over r of x[r * cols + j]: bias gradients from per-row gradients. */
export function columnSums(rows: i32, cols: i32, x: usize, out: usize, accumulate: i32): void {
  if (!accumulate) memory.fill(out, 0, <usize>cols << 2);
  const rowB = <usize>cols << 2;
  const vecEnd = cols & ~3;
  // row by row, so x streams through memory once and `out` stays in L1
  for (let r = 0; r < rows; r++) {
    const xr = x + <usize>r * rowB;
    for (let j = 0; j < vecEnd; j += 4) {
      const o = <usize>j << 2;
      v128.store(out + o, f32x4.add(v128.load(out + o), v128.load(xr + o)));
    }
    for (let j = vecEnd; j < cols; j++) {
      const o = <usize>j << 2;
      store<f32>(out + o, load<f32>(out + o) + load<f32>(xr + o));
    }
  }
}

/** out[k] = a[k] * b[k] (out may alias a or b). */
export function multiply(n: i32, a: usize, b: usize, out: usize): void {
  const vecEnd = n & ~3;
  for (let k = 0; k < vecEnd; k += 4) {
    const o = <usize>k << 2;
    v128.store(out + o, f32x4.mul(v128.load(a + o), v128.load(b + o)));
  }
  for (let k = vecEnd; k < n; k++) {
    const o = <usize>k << 2;
    store<f32>(out + o, load<f32>(a + o) * load<f32>(b + o));
  }
}

/** out[k] += a[k]. */
export function addTo(n: i32, a: usize, out: usize): void {
  const vecEnd = n & ~3;
  for (let k = 0; k < vecEnd; k += 4) {
    const o = <usize>k << 2;
    v128.store(out + o, f32x4.add(v128.load(out + o), v128.load(a + o)));
  }
  for (let k = vecEnd; k < n; k++) {
    const o = <usize>k << 2;
    store<f32>(out + o, load<f32>(out + o) + load<f32>(a + o));
  }
}

/** Copies the `cols`-long row at src into each of `rows` consecutive rows at dst (bias broadcast). */
export function repeatRow(rows: i32, cols: i32, src: usize, dst: usize): void {
  const rowB = <usize>cols << 2;
  for (let r = 0; r < rows; r++) memory.copy(dst + <usize>r * rowB, src, rowB);
}
