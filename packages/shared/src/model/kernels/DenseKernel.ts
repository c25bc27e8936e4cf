import type { DenseLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { identityColumns, packPanelMatrix, paddedVector, type PanelMatrix } from './PanelMatrix';
import { multiplyPanels } from './multiplyPanels';
import { checkSize, checkTensor } from './checkTensor';
import { applyActivation, checkActivation } from './activations';
import { doubles } from './doubles';

/**
 * Keras Dense on the last axis: `activation(x W + b)` for a vector, or for every step of a
 * sequence (tfjs applies Dense to `[batch, T, in]` step by step). A mask passes through.
 */
export class DenseKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly inputWidth: number;
  private readonly units: number;
  private readonly kernel: PanelMatrix;
  private readonly bias: number[];
  private readonly activation: DenseLayerSpec['activation'];

  constructor(spec: DenseLayerSpec, input: KernelShape, field: string) {
    const units = checkSize(spec.units, `${field}.units`);
    const kernel = checkTensor(spec.weights?.kernel, [input.width, units], `${field}.weights.kernel`);
    const bias = spec.weights?.bias ? checkTensor(spec.weights.bias, [units], `${field}.weights.bias`) : undefined;
    const order = identityColumns(units);
    this.inputWidth = input.width;
    this.units = units;
    this.kernel = packPanelMatrix(kernel, input.width, units, order);
    this.bias = paddedVector(bias, order);
    this.activation = checkActivation(spec.activation, `${field}.activation`);
    this.outputShape = { sequence: input.sequence, steps: input.steps, width: units };
    this.output = doubles(input.steps * units);
  }

  run(input: number[], mask: Uint8Array | null): Uint8Array | null {
    const steps = this.outputShape.steps;
    multiplyPanels(this.kernel, input, 0, this.inputWidth, steps, this.bias, 0, 0, this.output, 0, this.units, this.units);
    applyActivation(this.activation, this.output, steps, this.units);
    return mask;
  }
}
