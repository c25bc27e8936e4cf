import type { KernelShape } from './LayerKernel';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';

/**
 * Keras Concatenate on the last axis: vectors `[D1] + [D2] -> [D1 + D2]`, or sequences with the
 * same steps, step by step. As in tfjs, the result's mask is null when no input has one, else the
 * AND of the input masks (an input without a mask counts as all real).
 */
export class ConcatenateKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly widths: number[];
  private readonly mask: Uint8Array;

  constructor(inputs: readonly KernelShape[], field: string) {
    if (inputs.length < 2) throw new InvalidSequenceGraphError(`${field}.inputs`, `concatenate needs at least 2 inputs, got ${inputs.length}`);
    const [first] = inputs;
    inputs.forEach((shape, i) => {
      if (shape.sequence !== first.sequence || shape.steps !== first.steps) {
        const describe = (s: KernelShape) => (s.sequence ? `a sequence [${s.steps}, ${s.width}]` : `a vector [${s.width}]`);
        throw new InvalidSequenceGraphError(`${field}.inputs[${i}]`, `cannot concatenate ${describe(shape)} with ${describe(first)}`);
      }
    });
    this.widths = inputs.map((shape) => shape.width);
    const width = this.widths.reduce((sum, w) => sum + w, 0);
    this.outputShape = { sequence: first.sequence, steps: first.steps, width };
    this.output = doubles(first.steps * width);
    this.mask = new Uint8Array(first.steps);
  }

  run(inputs: readonly number[][], masks: readonly (Uint8Array | null)[]): Uint8Array | null {
    const { output, widths } = this;
    const steps = this.outputShape.steps;
    const width = this.outputShape.width;
    let column = 0;
    for (let i = 0; i < widths.length; i++) {
      const source = inputs[i];
      const w = widths[i];
      for (let t = 0; t < steps; t++) {
        for (let d = 0, from = t * w, to = t * width + column; d < w; d++) output[to + d] = source[from + d];
      }
      column += w;
    }
    let masked = false;
    this.mask.fill(1);
    for (let i = 0; i < masks.length; i++) {
      const mask = masks[i];
      if (mask === null) continue;
      masked = true;
      for (let t = 0; t < steps; t++) if (mask[t] === 0) this.mask[t] = 0;
    }
    return masked ? this.mask : null;
  }
}
