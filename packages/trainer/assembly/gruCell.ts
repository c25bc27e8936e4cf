/*
 * The element-wise parts of one GRU time step (tfjs's GRU: reset gate applied before the
 * recurrent product, gate order z, r, h; a row of g is 3 * units). Byte pointers. The host runs
 * the two recurrent products between them:
 *
 *   forward:  g[:, z|r] += h W_r[:, z|r];  gruGates;  g[:, h] += (r h) W_r[:, h];  gruOutput
 *   backward: gruBackwardOutput;  d(rh) = dg_h W_r[:, h]^T;  gruBackwardReset;
 *             dh_prev += dg[:, z|r] W_r[:, z|r]^T
 */
import { sigmoid1, sigmoidV, tanh1, tanhV } from '../../shared/assembly/activations';

/** z = sigmoid(g_z), r = sigmoid(g_r) in place; rh = r * h_prev (the input of the candidate's product). */
export function gruGates(rows: i32, units: i32, g: usize, hPrev: usize, rh: usize): void {
  const gateB = <usize>units << 2;
  const vecEnd = units & ~3;
  for (let r = 0; r < rows; r++) {
    const gr = g + <usize>r * 3 * gateB;
    const sr = <usize>r * gateB;
    for (let u = 0; u < vecEnd; u += 4) {
      const o4 = <usize>u << 2;
      v128.store(gr + o4, sigmoidV(v128.load(gr + o4)));
      const reset = sigmoidV(v128.load(gr + gateB + o4));
      v128.store(gr + gateB + o4, reset);
      v128.store(rh + sr + o4, f32x4.mul(reset, v128.load(hPrev + sr + o4)));
    }
    for (let u = vecEnd; u < units; u++) {
      const o4 = <usize>u << 2;
      store<f32>(gr + o4, sigmoid1(load<f32>(gr + o4)));
      const reset = sigmoid1(load<f32>(gr + gateB + o4));
      store<f32>(gr + gateB + o4, reset);
      store<f32>(rh + sr + o4, reset * load<f32>(hPrev + sr + o4));
    }
  }
}

/** hh = tanh(g_h) in place; h = z h_prev + (1 - z) hh. */
export function gruOutput(rows: i32, units: i32, g: usize, hPrev: usize, h: usize): void {
  const gateB = <usize>units << 2;
  const vecEnd = units & ~3;
  const one = f32x4.splat(1);
  for (let r = 0; r < rows; r++) {
    const gr = g + <usize>r * 3 * gateB;
    const sr = <usize>r * gateB;
    for (let u = 0; u < vecEnd; u += 4) {
      const o4 = <usize>u << 2;
      const z = v128.load(gr + o4);
      const hh = tanhV(v128.load(gr + 2 * gateB + o4));
      v128.store(gr + 2 * gateB + o4, hh);
      v128.store(h + sr + o4, f32x4.add(f32x4.mul(z, v128.load(hPrev + sr + o4)), f32x4.mul(f32x4.sub(one, z), hh)));
    }
    for (let u = vecEnd; u < units; u++) {
      const o4 = <usize>u << 2;
      const z = load<f32>(gr + o4);
      const hh = tanh1(load<f32>(gr + 2 * gateB + o4));
      store<f32>(gr + 2 * gateB + o4, hh);
      store<f32>(h + sr + o4, z * load<f32>(hPrev + sr + o4) + (1 - z) * hh);
    }
  }
}

/**
 * First half of a step backward, from dh (gradient w.r.t. h): the gradients w.r.t. the update
 * and candidate pre-activations replace z and hh in g, and dh_prev (+)= dh z.
 */
export function gruBackwardOutput(rows: i32, units: i32, g: usize, hPrev: usize, dh: usize, dhPrev: usize, accumulate: i32): void {
  const gateB = <usize>units << 2;
  const vecEnd = units & ~3;
  const one = f32x4.splat(1);
  for (let r = 0; r < rows; r++) {
    const gr = g + <usize>r * 3 * gateB;
    const sr = <usize>r * gateB;
    for (let u = 0; u < vecEnd; u += 4) {
      const o4 = <usize>u << 2;
      const z = v128.load(gr + o4);
      const hh = v128.load(gr + 2 * gateB + o4);
      const d = v128.load(dh + sr + o4);
      const hp = v128.load(hPrev + sr + o4);
      v128.store(gr + o4, f32x4.mul(f32x4.mul(d, f32x4.sub(hp, hh)), f32x4.mul(z, f32x4.sub(one, z))));
      v128.store(gr + 2 * gateB + o4, f32x4.mul(f32x4.mul(d, f32x4.sub(one, z)), f32x4.sub(one, f32x4.mul(hh, hh))));
      const direct = f32x4.mul(d, z);
      v128.store(dhPrev + sr + o4, accumulate ? f32x4.add(v128.load(dhPrev + sr + o4), direct) : direct);
    }
    for (let u = vecEnd; u < units; u++) {
      const o4 = <usize>u << 2;
      const z = load<f32>(gr + o4);
      const hh = load<f32>(gr + 2 * gateB + o4);
      const d = load<f32>(dh + sr + o4);
      const hp = load<f32>(hPrev + sr + o4);
      store<f32>(gr + o4, d * (hp - hh) * (z * (1 - z)));
      store<f32>(gr + 2 * gateB + o4, d * (1 - z) * (1 - hh * hh));
      store<f32>(dhPrev + sr + o4, accumulate ? load<f32>(dhPrev + sr + o4) + d * z : d * z);
    }
  }
}

/**
 * Second half, from dRh = gradient w.r.t. r * h_prev: the reset pre-activation gradient
 * replaces r in g, and dh_prev += dRh r.
 */
export function gruBackwardReset(rows: i32, units: i32, g: usize, hPrev: usize, dRh: usize, dhPrev: usize): void {
  const gateB = <usize>units << 2;
  const vecEnd = units & ~3;
  const one = f32x4.splat(1);
  for (let r = 0; r < rows; r++) {
    const pr = g + <usize>r * 3 * gateB + gateB;
    const sr = <usize>r * gateB;
    for (let u = 0; u < vecEnd; u += 4) {
      const o4 = <usize>u << 2;
      const reset = v128.load(pr + o4);
      const d = v128.load(dRh + sr + o4);
      v128.store(pr + o4, f32x4.mul(f32x4.mul(d, v128.load(hPrev + sr + o4)), f32x4.mul(reset, f32x4.sub(one, reset))));
      v128.store(dhPrev + sr + o4, f32x4.add(v128.load(dhPrev + sr + o4), f32x4.mul(d, reset)));
    }
    for (let u = vecEnd; u < units; u++) {
      const o4 = <usize>u << 2;
      const reset = load<f32>(pr + o4);
      const d = load<f32>(dRh + sr + o4);
      store<f32>(pr + o4, d * load<f32>(hPrev + sr + o4) * (reset * (1 - reset)));
      store<f32>(dhPrev + sr + o4, load<f32>(dhPrev + sr + o4) + d * reset);
    }
  }
}
