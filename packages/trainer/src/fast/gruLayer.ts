import type { Kernels } from './kernels/Kernels';
import { carryRows, PaddedStepGradients, paddedRows } from './paddedSteps';
import { inputGradients, projectInputs, type RecurrentLayerBuffers } from './recurrentLayer';

/*
 * tfjs's GRU over a time-major batch (reset before the product, gates z, r, h each U wide):
 *   g = x W + b;  z = sigmoid(g_z + h W_r[:, z]);  r = sigmoid(g_r + h W_r[:, r])
 *   hh = tanh(g_h + (r h) W_r[:, h]);  h' = z h + (1 - z) hh
 * The transposed recurrent kernel [3U, U] holds W_r[:, z|r]^T in its first 2U rows and
 * W_r[:, h]^T in its last U rows, the two products of the backward step.
 */

export function gruForward(k: Kernels, layer: RecurrentLayerBuffers, x: number, n: number, windowLength: number, stepMask: Uint8Array | null): void {
  const u = layer.units;
  const g = 3 * u;
  k.heap().fill(0, layer.h, layer.h + n * u);
  projectInputs(k, layer, x, n, windowLength);
  for (let t = 0; t < windowLength; t++) {
    const gt = layer.z + t * n * g;
    const hPrev = layer.h + t * n * u;
    const rh = layer.rh + t * n * u;
    // h before step 0 is zero: neither product adds anything
    if (t > 0) k.gemm(n, 2 * u, u, hPrev, u, 1, layer.recurrent, g, gt, g, true);
    k.gruGates(n, u, gt, hPrev, rh);
    if (t > 0) k.gemm(n, u, u, rh, u, 1, layer.recurrent + 2 * u, g, gt + 2 * u, g, true);
    k.gruOutput(n, u, gt, hPrev, layer.h + (t + 1) * n * u);
    const padded = paddedRows(stepMask, t, n);
    if (padded.length > 0) carryRows(k.heap(), layer.h, u, n, t, padded);
  }
}

export function gruBackward(k: Kernels, layer: RecurrentLayerBuffers, x: number, n: number, windowLength: number, stepMask: Uint8Array | null, gradientAtEveryStep: boolean, dx: number | null): void {
  const u = layer.units;
  const g = 3 * u;
  const held = new PaddedStepGradients();
  for (let t = windowLength - 1; t >= 0; t--) {
    const gt = layer.z + t * n * g;
    const hPrev = layer.h + t * n * u;
    // the gradient w.r.t. h_{-1} is not needed: it goes to scratch
    const dhPrev = t > 0 ? layer.dh + (t - 1) * n * u : layer.dc;
    const padded = paddedRows(stepMask, t, n);
    if (padded.length > 0) held.hold(k.heap(), layer.dh + t * n * u, -1, u, padded);
    k.gruBackwardOutput(n, u, gt, hPrev, layer.dh + t * n * u, dhPrev, t > 0 && gradientAtEveryStep);
    k.gemm(n, u, u, gt + 2 * u, g, 1, layer.recurrentT + 2 * u * u, u, layer.dRh, u, false);
    k.gruBackwardReset(n, u, gt, hPrev, layer.dRh, dhPrev);
    if (t > 0) k.gemm(n, u, 2 * u, gt, g, 1, layer.recurrentT, u, dhPrev, u, true);
    if (padded.length > 0) held.release(k.heap(), t > 0 ? dhPrev : -1, -1, u, padded);
  }
  const rows = windowLength * n;
  // W_r[:, z|r]: sum over t >= 1 of h_{t-1}^T dg_t[:, z|r]; W_r[:, h]: sum over t of (r h)_t^T dg_t[:, h]
  k.gemm(u, 2 * u, rows - n, layer.h + n * u, 1, u, layer.z + n * g, g, layer.gradRecurrent, g, false);
  k.gemm(u, u, rows, layer.rh, 1, u, layer.z + 2 * u, g, layer.gradRecurrent + 2 * u, g, false);
  inputGradients(k, layer, x, n, windowLength, dx);
}
