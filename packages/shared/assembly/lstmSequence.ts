/*
 * The Keras/tfjs LSTM forward pass over one sequence from a zero state, for serving (batch 1):
 *   i = sigmoid(x W_i + h R_i + b_i), f = sigmoid(...), o = sigmoid(...), g = tanh(...)
 *   c = f c + i g,  h = o tanh(c)
 * Gate blocks in tfjs order [i f c o], each `units` wide, padded with zero columns to `columns`
 * (a multiple of matvec's PANEL). A masked step (mask byte 0) keeps h and c and outputs the
 * previous h, as tfjs's rnn() does. Byte pointers; the host owns every buffer:
 *   x [steps, inWidth], kernel [inWidth, columns] row-major, recurrent in panels (matvec.ts),
 *   bias [columns], proj [steps, columns] and gates [columns] scratch, h and c [units],
 *   out [steps, units] (returnSequences) or [units], mask [steps] bytes or 0 for none.
 * When `scale` is not 0 the recurrent weights are int8 values stored as i16 panels with a scale per
 * gate column (matvecI16Panels) and h is carried into the product as 16-bit fixed point in h16
 * [ceil(units / 2) * 2]; the cell state and the output stay f32.
 */
import { sigmoid1, sigmoidV, tanh1, tanhV } from './activations';
import { gemm } from './gemm';
import { matvecI16Panels, matvecPanels, quantize } from './matvec';

export function lstmSequence(
  steps: i32, inWidth: i32, units: i32, columns: i32,
  x: usize, kernel: usize, recurrent: usize, bias: usize,
  proj: usize, gates: usize, h: usize, c: usize, out: usize, returnSequences: i32, mask: usize,
  scale: usize, h16: usize,
): void {
  const rowB = <usize>columns << 2;
  const unitsB = <usize>units << 2;
  // x W + b for every step in one product (the recurrence only adds h R)
  for (let t = 0; t < steps; t++) memory.copy(proj + <usize>t * rowB, bias, rowB);
  gemm(steps, columns, inWidth, x, inWidth, 1, kernel, columns, proj, columns, 1);
  memory.fill(h, 0, unitsB);
  memory.fill(c, 0, unitsB);
  const pairs = (units + 1) >> 1;
  if (scale != 0) memory.fill(h16, 0, <usize>pairs << 2);
  for (let t = 0; t < steps; t++) {
    if (mask == 0 || load<u8>(mask + <usize>t) != 0) {
      if (scale != 0) {
        matvecI16Panels(columns, pairs, h16, recurrent, scale, proj + <usize>t * rowB, gates);
        lstmCell(units, gates, c, h);
        quantize(units, h, h16); // |h| <= 1, so 32767 h fits an i16
      } else {
        matvecPanels(columns, units, h, recurrent, proj + <usize>t * rowB, gates);
        lstmCell(units, gates, c, h);
      }
    }
    if (returnSequences) memory.copy(out + <usize>t * unitsB, h, unitsB);
  }
  if (!returnSequences) memory.copy(out, h, unitsB);
}

/** c = f c + i g, h = o tanh(c) from the gate pre-activations of one step. */
// @ts-ignore: decorator
@inline
function lstmCell(units: i32, gates: usize, c: usize, h: usize): void {
  const gateB = <usize>units << 2;
  const vecEnd = units & ~3;
  for (let u = 0; u < vecEnd; u += 4) {
    const o4 = <usize>u << 2;
    const pi = gates + o4, pf = pi + gateB, pg = pf + gateB, po = pg + gateB;
    const cn = f32x4.add(
      f32x4.mul(sigmoidV(v128.load(pf)), v128.load(c + o4)),
      f32x4.mul(sigmoidV(v128.load(pi)), tanhV(v128.load(pg))),
    );
    v128.store(c + o4, cn);
    v128.store(h + o4, f32x4.mul(sigmoidV(v128.load(po)), tanhV(cn)));
  }
  for (let u = vecEnd; u < units; u++) {
    const o4 = <usize>u << 2;
    const pi = gates + o4, pf = pi + gateB, pg = pf + gateB, po = pg + gateB;
    const cn = sigmoid1(load<f32>(pf)) * load<f32>(c + o4) + sigmoid1(load<f32>(pi)) * tanh1(load<f32>(pg));
    store<f32>(c + o4, cn);
    store<f32>(h + o4, sigmoid1(load<f32>(po)) * tanh1(cn));
  }
}
