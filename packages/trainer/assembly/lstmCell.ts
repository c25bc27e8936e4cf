/*
 * The element-wise part of one LSTM time step, for `rows` samples at once (gate order i, f, c, o
 * as in tfjs/Keras; each gate block is `units` wide, a row of z is 4 * units). Byte pointers.
 */
import { sigmoid1, sigmoidV, tanh1, tanhV } from '../../shared/assembly/activations';

/**
 * Forward: z holds the pre-activations x W + h W_h + b on entry and the activated gates
 * (sigmoid i, f, o; tanh candidate) on exit. Writes c' = f c + i g, tanh(c') and h' = o tanh(c').
 */
export function lstmForwardStep(rows: i32, units: i32, z: usize, cPrev: usize, c: usize, tanhC: usize, h: usize): void {
  const gateB = <usize>units << 2;
  const vecEnd = units & ~3;
  for (let r = 0; r < rows; r++) {
    const zr = z + <usize>r * 4 * gateB;
    const sr = <usize>r * gateB;
    for (let u = 0; u < vecEnd; u += 4) {
      const o4 = <usize>u << 2;
      const pi = zr + o4, pf = pi + gateB, pg = pf + gateB, po = pg + gateB;
      const i = sigmoidV(v128.load(pi));
      const f = sigmoidV(v128.load(pf));
      const g = tanhV(v128.load(pg));
      const o = sigmoidV(v128.load(po));
      v128.store(pi, i);
      v128.store(pf, f);
      v128.store(pg, g);
      v128.store(po, o);
      const cn = f32x4.add(f32x4.mul(f, v128.load(cPrev + sr + o4)), f32x4.mul(i, g));
      const tc = tanhV(cn);
      v128.store(c + sr + o4, cn);
      v128.store(tanhC + sr + o4, tc);
      v128.store(h + sr + o4, f32x4.mul(o, tc));
    }
    for (let u = vecEnd; u < units; u++) {
      const o4 = <usize>u << 2;
      const pi = zr + o4, pf = pi + gateB, pg = pf + gateB, po = pg + gateB;
      const i = sigmoid1(load<f32>(pi));
      const f = sigmoid1(load<f32>(pf));
      const g = tanh1(load<f32>(pg));
      const o = sigmoid1(load<f32>(po));
      store<f32>(pi, i);
      store<f32>(pf, f);
      store<f32>(pg, g);
      store<f32>(po, o);
      const cn = f * load<f32>(cPrev + sr + o4) + i * g;
      const tc = tanh1(cn);
      store<f32>(c + sr + o4, cn);
      store<f32>(tanhC + sr + o4, tc);
      store<f32>(h + sr + o4, o * tc);
    }
  }
}

/**
 * Backward through one step. On entry z holds the step's activated gates, dh the gradient of the
 * loss w.r.t. h' (from above and from step t + 1), dc the gradient w.r.t. c' carried from step
 * t + 1. On exit z holds the gradient w.r.t. the pre-activations (what the weight gradients and
 * the recurrent product need) and dc the gradient w.r.t. c, carried to step t - 1.
 */
export function lstmBackwardStep(rows: i32, units: i32, z: usize, cPrev: usize, tanhC: usize, dh: usize, dc: usize): void {
  const gateB = <usize>units << 2;
  const vecEnd = units & ~3;
  const one = f32x4.splat(1);
  for (let r = 0; r < rows; r++) {
    const zr = z + <usize>r * 4 * gateB;
    const sr = <usize>r * gateB;
    for (let u = 0; u < vecEnd; u += 4) {
      const o4 = <usize>u << 2;
      const pi = zr + o4, pf = pi + gateB, pg = pf + gateB, po = pg + gateB;
      const i = v128.load(pi), f = v128.load(pf), g = v128.load(pg), o = v128.load(po);
      const tc = v128.load(tanhC + sr + o4);
      const dhv = v128.load(dh + sr + o4);
      const dct = f32x4.add(v128.load(dc + sr + o4), f32x4.mul(f32x4.mul(dhv, o), f32x4.sub(one, f32x4.mul(tc, tc))));
      v128.store(po, f32x4.mul(f32x4.mul(dhv, tc), f32x4.mul(o, f32x4.sub(one, o))));
      v128.store(pi, f32x4.mul(f32x4.mul(dct, g), f32x4.mul(i, f32x4.sub(one, i))));
      v128.store(pg, f32x4.mul(f32x4.mul(dct, i), f32x4.sub(one, f32x4.mul(g, g))));
      v128.store(pf, f32x4.mul(f32x4.mul(dct, v128.load(cPrev + sr + o4)), f32x4.mul(f, f32x4.sub(one, f))));
      v128.store(dc + sr + o4, f32x4.mul(dct, f));
    }
    for (let u = vecEnd; u < units; u++) {
      const o4 = <usize>u << 2;
      const pi = zr + o4, pf = pi + gateB, pg = pf + gateB, po = pg + gateB;
      const i = load<f32>(pi), f = load<f32>(pf), g = load<f32>(pg), o = load<f32>(po);
      const tc = load<f32>(tanhC + sr + o4);
      const dhv = load<f32>(dh + sr + o4);
      const dct = load<f32>(dc + sr + o4) + dhv * o * (1 - tc * tc);
      store<f32>(po, dhv * tc * (o * (1 - o)));
      store<f32>(pi, dct * g * (i * (1 - i)));
      store<f32>(pg, dct * i * (1 - g * g));
      store<f32>(pf, dct * load<f32>(cPrev + sr + o4) * (f * (1 - f)));
      store<f32>(dc + sr + o4, dct * f);
    }
  }
}
