import type { Kernels } from './kernels/Kernels';
import { carryRows, PaddedStepGradients, paddedRows } from './paddedSteps';
import { inputGradients, projectInputs, type RecurrentLayerBuffers } from './recurrentLayer';

/*
 * tfjs's LSTM over a time-major batch: z = x W + h W_h + b, gates i, f, c, o (each U wide),
 * c' = f c + i tanh(z_c), h' = o tanh(c'). One product projects the inputs of all steps; each
 * step adds its recurrent product and runs the fused gate kernel.
 */

export function lstmForward(k: Kernels, layer: RecurrentLayerBuffers, x: number, n: number, windowLength: number, stepMask: Uint8Array | null): void {
  const u = layer.units;
  const g = 4 * u;
  const heap = k.heap();
  heap.fill(0, layer.h, layer.h + n * u);
  heap.fill(0, layer.c, layer.c + n * u);
  projectInputs(k, layer, x, n, windowLength);
  for (let t = 0; t < windowLength; t++) {
    const zt = layer.z + t * n * g;
    // h before step 0 is zero: nothing to add
    if (t > 0) k.gemm(n, g, u, layer.h + t * n * u, u, 1, layer.recurrent, g, zt, g, true);
    k.lstmForwardStep(n, u, zt, layer.c + t * n * u, layer.c + (t + 1) * n * u, layer.tanhC + t * n * u, layer.h + (t + 1) * n * u);
    const padded = paddedRows(stepMask, t, n);
    if (padded.length > 0) {
      carryRows(k.heap(), layer.h, u, n, t, padded);
      carryRows(k.heap(), layer.c, u, n, t, padded);
    }
  }
}

export function lstmBackward(k: Kernels, layer: RecurrentLayerBuffers, x: number, n: number, windowLength: number, stepMask: Uint8Array | null, gradientAtEveryStep: boolean, dx: number | null): void {
  const u = layer.units;
  const g = 4 * u;
  const held = new PaddedStepGradients();
  k.heap().fill(0, layer.dc, layer.dc + n * u);
  for (let t = windowLength - 1; t >= 0; t--) {
    const zt = layer.z + t * n * g;
    const dhPrev = t > 0 ? layer.dh + (t - 1) * n * u : -1;
    const padded = paddedRows(stepMask, t, n);
    if (padded.length > 0) held.hold(k.heap(), layer.dh + t * n * u, layer.dc, u, padded);
    k.lstmBackwardStep(n, u, zt, layer.c + t * n * u, layer.tanhC + t * n * u, layer.dh + t * n * u, layer.dc);
    if (t > 0) k.gemm(n, u, g, zt, g, 1, layer.recurrentT, u, dhPrev, u, gradientAtEveryStep);
    if (padded.length > 0) held.release(k.heap(), dhPrev, layer.dc, u, padded);
  }
  // sum over t >= 1 of h_{t-1}^T dz_t (h_{-1} = 0 adds nothing)
  k.gemm(u, g, (windowLength - 1) * n, layer.h + n * u, 1, u, layer.z + n * g, g, layer.gradRecurrent, g, false);
  inputGradients(k, layer, x, n, windowLength, dx);
}
