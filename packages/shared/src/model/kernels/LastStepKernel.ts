import type { LastStepLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';

/**
 * The newest step `[T, D] -> [D]`, as the trainer's LastStep layer. It ignores the mask (left
 * padding keeps the last step real) and its output carries none.
 */
export class LastStepKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly offset: number;

  constructor(_spec: LastStepLayerSpec, input: KernelShape, field: string) {
    if (!input.sequence) throw new InvalidSequenceGraphError(field, `last step needs a sequence input, got a vector of ${input.width}`);
    this.outputShape = { sequence: false, steps: 1, width: input.width };
    this.output = doubles(input.width);
    this.offset = (input.steps - 1) * input.width;
  }

  run(input: number[]): null {
    const { output, offset } = this;
    for (let d = 0; d < output.length; d++) output[d] = input[offset + d];
    return null;
  }
}
