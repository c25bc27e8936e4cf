import type { MaskingLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';

/**
 * Keras/tfjs Masking: step t is kept (mask 1) when any feature differs from `maskValue`
 * (compared in float32, as tfjs does); a masked step's features become 0 on the way out.
 * The recurrent layers after it skip masked steps.
 */
export class MaskingKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly mask: Uint8Array;
  private readonly maskValue: number;

  constructor(spec: MaskingLayerSpec, input: KernelShape, field: string) {
    if (!input.sequence) throw new InvalidSequenceGraphError(field, `Masking needs a sequence input, got a vector of ${input.width}`);
    if (typeof spec.maskValue !== 'number') {
      throw new InvalidSequenceGraphError(`${field}.maskValue`, `expected a number, got ${String(spec.maskValue)}`);
    }
    this.outputShape = input;
    this.output = doubles(input.steps * input.width);
    this.mask = new Uint8Array(input.steps);
    this.maskValue = Math.fround(spec.maskValue);
  }

  run(input: number[]): Uint8Array {
    const { steps, width } = this.outputShape;
    const { output, mask, maskValue } = this;
    for (let t = 0; t < steps; t++) {
      const row = t * width;
      let keep = 0;
      for (let k = 0; k < width; k++) {
        if (input[row + k] !== maskValue) {
          keep = 1;
          break;
        }
      }
      mask[t] = keep;
      for (let k = 0; k < width; k++) output[row + k] = keep ? input[row + k] : 0;
    }
    return mask;
  }
}
