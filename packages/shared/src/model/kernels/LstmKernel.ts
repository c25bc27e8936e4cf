import type { LstmLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { packPanelMatrix, paddedVector, type PanelMatrix } from './PanelMatrix';
import { multiplyPanels, multiplyPanelsRow } from './multiplyPanels';
import { checkSize, checkTensor } from './checkTensor';
import { recurrentActivations } from './recurrentActivations';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';

/**
 * Keras/tfjs LSTM forward pass over one sequence, zero initial state:
 *   i = ra(x W_i + h R_i + b_i), f = ra(x W_f + h R_f + b_f), o = ra(x W_o + h R_o + b_o)
 *   c = f * c + i * a(x W_c + h R_c + b_c),  h = o * a(c)
 * with ra = recurrentActivation, a = activation. A masked step (mask 0) keeps h and c and
 * outputs the previous h, as tfjs's `rnn()` does.
 *
 * The gate columns are reordered to [i f c o] per unit so one 8-wide panel holds two whole
 * units; x W + b for every step is one matmul before the recurrence.
 */
export class LstmKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly units: number;
  private readonly steps: number;
  private readonly inputWidth: number;
  private readonly returnSequences: boolean;
  private readonly kernel: PanelMatrix;
  private readonly recurrentKernel: PanelMatrix;
  private readonly bias: number[];
  /** x W + b for every step, `[steps, paddedColumns]`. */
  private readonly projection: number[];
  private readonly gates: number[];
  private readonly hidden: number[];
  private readonly cell: number[];
  private readonly gate: (x: number) => number;
  private readonly candidate: (x: number) => number;
  private readonly standard: boolean;

  constructor(spec: LstmLayerSpec, input: KernelShape, field: string) {
    if (!input.sequence) throw new InvalidSequenceGraphError(field, `an LSTM needs a sequence input, got a vector of ${input.width}`);
    const units = checkSize(spec.units, `${field}.units`);
    const inputWidth = input.width;
    const kernel = checkTensor(spec.weights?.kernel, [inputWidth, 4 * units], `${field}.weights.kernel`);
    const recurrent = checkTensor(spec.weights?.recurrentKernel, [units, 4 * units], `${field}.weights.recurrentKernel`);
    const bias = spec.weights?.bias ? checkTensor(spec.weights.bias, [4 * units], `${field}.weights.bias`) : undefined;
    const { gate, candidate, standard } = recurrentActivations(spec.activation, spec.recurrentActivation, field);

    // packed column 4n + g <- tfjs column g * units + n (g = i, f, c, o)
    const order = new Int32Array(4 * units);
    for (let n = 0; n < units; n++) for (let g = 0; g < 4; g++) order[4 * n + g] = g * units + n;

    this.units = units;
    this.steps = input.steps;
    this.inputWidth = inputWidth;
    this.returnSequences = spec.returnSequences;
    this.kernel = packPanelMatrix(kernel, inputWidth, 4 * units, order);
    this.recurrentKernel = packPanelMatrix(recurrent, units, 4 * units, order);
    this.bias = paddedVector(bias, order);
    this.projection = doubles(input.steps * this.kernel.paddedColumns);
    this.gates = doubles(this.kernel.paddedColumns);
    this.hidden = doubles(units);
    this.cell = doubles(units);
    this.gate = gate;
    this.candidate = candidate;
    this.standard = standard;
    this.outputShape = spec.returnSequences
      ? { sequence: true, steps: input.steps, width: units }
      : { sequence: false, steps: 1, width: units };
    this.output = doubles(this.outputShape.steps * units);
  }

  run(input: number[], mask: Uint8Array | null): Uint8Array | null {
    const { units, steps, projection, gates, hidden, cell, output } = this;
    const columns = this.kernel.paddedColumns;
    multiplyPanels(this.kernel, input, 0, this.inputWidth, steps, this.bias, 0, 0, projection, 0, columns, columns);
    hidden.fill(0);
    cell.fill(0);
    for (let t = 0; t < steps; t++) {
      if (mask === null || mask[t] !== 0) {
        multiplyPanelsRow(this.recurrentKernel, hidden, 0, projection, t * columns, gates, 0, columns);
        if (this.standard) updateStandard(gates, hidden, cell, units);
        else this.updateGeneric();
      }
      if (this.returnSequences) for (let n = 0, at = t * units; n < units; n++) output[at + n] = hidden[n];
    }
    if (!this.returnSequences) for (let n = 0; n < units; n++) output[n] = hidden[n];
    return this.returnSequences ? mask : null;
  }

  private updateGeneric(): void {
    const { gates, hidden, cell, gate, candidate } = this;
    for (let n = 0, g = 0; n < this.units; n++, g += 4) {
      const c = gate(gates[g + 1]) * cell[n] + gate(gates[g]) * candidate(gates[g + 2]);
      cell[n] = c;
      hidden[n] = gate(gates[g + 3]) * candidate(c);
    }
  }
}

/** sigmoid gates, tanh candidate: inlined, since nearly every model uses exactly these. */
function updateStandard(gates: number[], hidden: number[], cell: number[], units: number): void {
  for (let n = 0, g = 0; n < units; n++, g += 4) {
    const i = 1 / (1 + Math.exp(-gates[g]));
    const f = 1 / (1 + Math.exp(-gates[g + 1]));
    const candidate = 1 - 2 / (Math.exp(2 * gates[g + 2]) + 1);
    const o = 1 / (1 + Math.exp(-gates[g + 3]));
    const c = f * cell[n] + i * candidate;
    cell[n] = c;
    hidden[n] = o * (1 - 2 / (Math.exp(2 * c) + 1));
  }
}
