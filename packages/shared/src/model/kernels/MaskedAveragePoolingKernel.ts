import type { MaskedAveragePoolingLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';

/**
 * Mean over the real steps `[T, D] -> [D]` (all steps without a mask), as the trainer's
 * MaskedAveragePooling layer: Y[d] = sum_t m_t X[t, d] / sum_t m_t. The output carries no mask.
 */
export class MaskedAveragePoolingKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly steps: number;

  constructor(_spec: MaskedAveragePoolingLayerSpec, input: KernelShape, field: string) {
    if (!input.sequence) throw new InvalidSequenceGraphError(field, `pooling needs a sequence input, got a vector of ${input.width}`);
    this.steps = input.steps;
    this.outputShape = { sequence: false, steps: 1, width: input.width };
    this.output = doubles(input.width);
  }

  run(input: number[], mask: Uint8Array | null): null {
    const { output, steps } = this;
    const width = output.length;
    output.fill(0);
    let count = 0;
    for (let t = 0; t < steps; t++) {
      if (mask !== null && mask[t] === 0) continue;
      count++;
      for (let d = 0, at = t * width; d < width; d++, at++) output[d] += input[at];
    }
    // Left-padded windows always end with a real step; an all-padded one divides by zero like tfjs.
    for (let d = 0; d < width; d++) output[d] /= count;
    return null;
  }
}
