/** The shape of the activations between two layers: a sequence `[steps, width]` or a vector `[width]`. */
export interface KernelShape {
  readonly sequence: boolean;
  /** Time steps; 1 for a vector. */
  readonly steps: number;
  readonly width: number;
}

/**
 * One layer, prepared for inference: weights repacked, output and scratch buffers owned, so that
 * `run` allocates nothing. Activations are row-major plain arrays of `steps * width` doubles (see doubles.ts).
 */
export interface LayerKernel {
  readonly outputShape: KernelShape;
  /** Written by `run`; overwritten by the next call. */
  readonly output: number[];
  /**
   * Computes `output` from `input` (this layer's input shape). `mask` holds one flag per input
   * step (0: skip the step) or is null; the return value is the mask for the next layer.
   */
  run(input: number[], mask: Uint8Array | null): Uint8Array | null;
}
