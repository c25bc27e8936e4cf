import type { PositionalEncodingLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';

/**
 * The `[T, D]` sinusoidal table of the trainer's PositionalEncoding layer: step t is p = T - 1 - t
 * candles old (the newest step is 0), PE[t, d] = sin or cos (d even / odd) of
 * p / 10000^(2 floor(d / 2) / D), computed in float64 and rounded to float32 as tfjs stores it.
 */
export function positionalEncodingTable(steps: number, depth: number): number[] {
  const table = doubles(steps * depth);
  for (let t = 0; t < steps; t++) {
    const position = steps - 1 - t;
    for (let d = 0; d < depth; d++) {
      const angle = position / Math.pow(10000, (2 * Math.floor(d / 2)) / depth);
      table[t * depth + d] = Math.fround(d % 2 === 0 ? Math.sin(angle) : Math.cos(angle));
    }
  }
  return table;
}

/** Adds the position table to a sequence; the mask passes through. */
export class PositionalEncodingKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly table: number[];

  constructor(_spec: PositionalEncodingLayerSpec, input: KernelShape, field: string) {
    if (!input.sequence) {
      throw new InvalidSequenceGraphError(field, `positional encoding needs a sequence input, got a vector of ${input.width}`);
    }
    this.outputShape = input;
    this.table = positionalEncodingTable(input.steps, input.width);
    this.output = doubles(input.steps * input.width);
  }

  run(input: number[], mask: Uint8Array | null): Uint8Array | null {
    const { output, table } = this;
    for (let i = 0; i < output.length; i++) output[i] = input[i] + table[i];
    return mask;
  }
}
