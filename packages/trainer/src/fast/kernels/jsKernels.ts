import { alignOffset, type AdamScalars, type Kernels } from './Kernels';

/**
 * The plain-JS kernels: the fallback where kernels.wasm is missing, stale or WebAssembly SIMD is
 * unavailable, and the readable statement of what each wasm kernel computes. About 10-20x slower.
 */
export function createJsKernels(): Kernels {
  let heap = new Float32Array(1 << 16);
  let top = 0;
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  return {
    kind: 'js',
    heap: () => heap,
    alloc(count) {
      const offset = alignOffset(top);
      top = offset + count;
      if (top > heap.length) {
        const grown = new Float32Array(Math.max(top, heap.length * 2));
        grown.set(heap);
        heap = grown;
      }
      heap.fill(0, offset, top);
      return offset;
    },
    gemm(m, n, depth, a, aRowStride, aColStride, b, ldb, c, ldc, accumulate) {
      const h = heap;
      for (let i = 0; i < m; i++) {
        const ci = c + i * ldc;
        if (!accumulate) h.fill(0, ci, ci + n);
        for (let k = 0; k < depth; k++) {
          const aik = h[a + i * aRowStride + k * aColStride];
          if (aik === 0) continue;
          const bk = b + k * ldb;
          for (let j = 0; j < n; j++) h[ci + j] += aik * h[bk + j];
        }
      }
    },
    lstmForwardStep(rows, units, z, cPrev, c, tanhC, hOut) {
      const h = heap;
      for (let r = 0; r < rows; r++) {
        const zr = z + r * 4 * units;
        const sr = r * units;
        for (let u = 0; u < units; u++) {
          const i = sigmoid(h[zr + u]);
          const f = sigmoid(h[zr + units + u]);
          const g = Math.tanh(h[zr + 2 * units + u]);
          const o = sigmoid(h[zr + 3 * units + u]);
          h[zr + u] = i;
          h[zr + units + u] = f;
          h[zr + 2 * units + u] = g;
          h[zr + 3 * units + u] = o;
          const cn = Math.fround(f * h[cPrev + sr + u] + i * g);
          const tc = Math.tanh(cn);
          h[c + sr + u] = cn;
          h[tanhC + sr + u] = tc;
          h[hOut + sr + u] = o * tc;
        }
      }
    },
    lstmBackwardStep(rows, units, z, cPrev, tanhC, dh, dc) {
      const h = heap;
      for (let r = 0; r < rows; r++) {
        const zr = z + r * 4 * units;
        const sr = r * units;
        for (let u = 0; u < units; u++) {
          const i = h[zr + u], f = h[zr + units + u], g = h[zr + 2 * units + u], o = h[zr + 3 * units + u];
          const tc = h[tanhC + sr + u];
          const dhv = h[dh + sr + u];
          const dct = h[dc + sr + u] + dhv * o * (1 - tc * tc);
          h[zr + 3 * units + u] = dhv * tc * o * (1 - o);
          h[zr + u] = dct * g * i * (1 - i);
          h[zr + 2 * units + u] = dct * i * (1 - g * g);
          h[zr + units + u] = dct * h[cPrev + sr + u] * f * (1 - f);
          h[dc + sr + u] = dct * f;
        }
      }
    },
    gruGates(rows, units, g, hPrev, rh) {
      const h = heap;
      for (let r = 0; r < rows; r++) {
        const gr = g + r * 3 * units;
        for (let u = 0; u < units; u++) {
          h[gr + u] = sigmoid(h[gr + u]);
          const reset = sigmoid(h[gr + units + u]);
          h[gr + units + u] = reset;
          h[rh + r * units + u] = reset * h[hPrev + r * units + u];
        }
      }
    },
    gruOutput(rows, units, g, hPrev, hOut) {
      const h = heap;
      for (let r = 0; r < rows; r++) {
        const gr = g + r * 3 * units;
        for (let u = 0; u < units; u++) {
          const z = h[gr + u];
          const hh = Math.tanh(h[gr + 2 * units + u]);
          h[gr + 2 * units + u] = hh;
          h[hOut + r * units + u] = z * h[hPrev + r * units + u] + (1 - z) * hh;
        }
      }
    },
    gruBackwardOutput(rows, units, g, hPrev, dh, dhPrev, accumulate) {
      const h = heap;
      for (let r = 0; r < rows; r++) {
        const gr = g + r * 3 * units;
        for (let u = 0; u < units; u++) {
          const z = h[gr + u], hh = h[gr + 2 * units + u];
          const d = h[dh + r * units + u];
          h[gr + u] = d * (h[hPrev + r * units + u] - hh) * z * (1 - z);
          h[gr + 2 * units + u] = d * (1 - z) * (1 - hh * hh);
          h[dhPrev + r * units + u] = (accumulate ? h[dhPrev + r * units + u] : 0) + d * z;
        }
      }
    },
    gruBackwardReset(rows, units, g, hPrev, dRh, dhPrev) {
      const h = heap;
      for (let r = 0; r < rows; r++) {
        const gr = g + r * 3 * units + units;
        for (let u = 0; u < units; u++) {
          const reset = h[gr + u];
          const d = h[dRh + r * units + u];
          h[gr + u] = d * h[hPrev + r * units + u] * reset * (1 - reset);
          h[dhPrev + r * units + u] += d * reset;
        }
      }
    },
    adam(n, params, grads, m, v, s: AdamScalars) {
      const h = heap;
      const f = Math.fround;
      for (let k = 0; k < n; k++) {
        const g = h[grads + k];
        const mn = f(f(h[m + k] * s.beta1) + f(g * s.oneMinusBeta1));
        const vn = f(f(h[v + k] * s.beta2) + f(f(g * g) * s.oneMinusBeta2));
        h[m + k] = mn;
        h[v + k] = vn;
        const update = f(f(f(mn / s.correction1) / f(f(Math.sqrt(f(vn / s.correction2))) + s.epsilon)) * -s.learningRate);
        h[params + k] = update + h[params + k];
      }
    },
    columnSums(rows, cols, x, out, accumulate) {
      const h = heap;
      if (!accumulate) h.fill(0, out, out + cols);
      for (let r = 0; r < rows; r++) {
        const xr = x + r * cols;
        for (let j = 0; j < cols; j++) h[out + j] += h[xr + j];
      }
    },
    multiply(n, a, b, out) {
      const h = heap;
      for (let k = 0; k < n; k++) h[out + k] = h[a + k] * h[b + k];
    },
    addTo(n, a, out) {
      const h = heap;
      for (let k = 0; k < n; k++) h[out + k] += h[a + k];
    },
    repeatRow(rows, cols, src, dst) {
      for (let r = 0; r < rows; r++) heap.copyWithin(dst + r * cols, src, src + cols);
    },
  };
}
