/*
 * The Keras/tfjs GRU forward pass (resetAfter false, the variant tfjs implements) over one sequence
 * from a zero state, for serving:
 *   z = sigmoid(x W_z + h R_z + b_z),  r = sigmoid(x W_r + h R_r + b_r)
 *   hh = tanh(x W_h + b_h + (r h) R_h),  h = z h + (1 - z) hh
 * A projection row holds the z and r blocks (`units` wide each) padded to `zrColumns`, then the
 * candidate block padded to `hColumns` (both multiples of matvec's PANEL). Recurrent weights are
 * two panel matrices: R_zr [units, zrColumns] applied to h and R_h [units, hColumns] applied to r h.
 * A masked step keeps h and outputs it again. With `scaleZr` not 0 both recurrent products run as
 * 16-bit integer dot products (see matvecI16Panels; h and r h are in [-1, 1]). Byte pointers.
 */
import { sigmoid1, sigmoidV, tanh1, tanhV } from './activations';
import { gemm } from './gemm';
import { matvecI16Panels, matvecPanels, quantize } from './matvec';

export function gruSequence(
  steps: i32, inWidth: i32, units: i32, zrColumns: i32, hColumns: i32,
  x: usize, kernel: usize, recurrentZr: usize, recurrentH: usize, bias: usize,
  proj: usize, gates: usize, candidate: usize, h: usize, rh: usize, out: usize, returnSequences: i32, mask: usize,
  scaleZr: usize, scaleH: usize, h16: usize, rh16: usize,
): void {
  const columns = zrColumns + hColumns;
  const rowB = <usize>columns << 2;
  const unitsB = <usize>units << 2;
  const pairs = (units + 1) >> 1;
  for (let t = 0; t < steps; t++) memory.copy(proj + <usize>t * rowB, bias, rowB);
  gemm(steps, columns, inWidth, x, inWidth, 1, kernel, columns, proj, columns, 1);
  memory.fill(h, 0, unitsB);
  if (scaleZr != 0) {
    memory.fill(h16, 0, <usize>pairs << 2);
    memory.fill(rh16, 0, <usize>pairs << 2);
  }
  const vecEnd = units & ~3;
  for (let t = 0; t < steps; t++) {
    if (mask == 0 || load<u8>(mask + <usize>t) != 0) {
      const row = proj + <usize>t * rowB;
      if (scaleZr != 0) matvecI16Panels(zrColumns, pairs, h16, recurrentZr, scaleZr, row, gates);
      else matvecPanels(zrColumns, units, h, recurrentZr, row, gates);
      // z (kept in gates) and r h
      for (let u = 0; u < vecEnd; u += 4) {
        const o = <usize>u << 2;
        v128.store(gates + o, sigmoidV(v128.load(gates + o)));
        v128.store(rh + o, f32x4.mul(sigmoidV(v128.load(gates + unitsB + o)), v128.load(h + o)));
      }
      for (let u = vecEnd; u < units; u++) {
        const o = <usize>u << 2;
        store<f32>(gates + o, sigmoid1(load<f32>(gates + o)));
        store<f32>(rh + o, sigmoid1(load<f32>(gates + unitsB + o)) * load<f32>(h + o));
      }
      if (scaleZr != 0) {
        quantize(units, rh, rh16);
        matvecI16Panels(hColumns, pairs, rh16, recurrentH, scaleH, row + (<usize>zrColumns << 2), candidate);
      } else {
        matvecPanels(hColumns, units, rh, recurrentH, row + (<usize>zrColumns << 2), candidate);
      }
      const one = f32x4.splat(1);
      for (let u = 0; u < vecEnd; u += 4) {
        const o = <usize>u << 2;
        const z = v128.load(gates + o);
        v128.store(h + o, f32x4.add(f32x4.mul(z, v128.load(h + o)), f32x4.mul(f32x4.sub(one, z), tanhV(v128.load(candidate + o)))));
      }
      for (let u = vecEnd; u < units; u++) {
        const o = <usize>u << 2;
        const z = load<f32>(gates + o);
        store<f32>(h + o, z * load<f32>(h + o) + (1 - z) * tanh1(load<f32>(candidate + o)));
      }
      if (scaleZr != 0) quantize(units, h, h16);
    }
    if (returnSequences) memory.copy(out + <usize>t * unitsB, h, unitsB);
  }
  if (!returnSequences) memory.copy(out, h, unitsB);
}
