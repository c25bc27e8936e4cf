import type { GruLayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { packPanelMatrix, paddedColumnCount, paddedVector, type PanelMatrix } from './PanelMatrix';
import { multiplyPanels, multiplyPanelsRow } from './multiplyPanels';
import { checkSize, checkTensor } from './checkTensor';
import { recurrentActivations } from './recurrentActivations';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';

/**
 * Keras/tfjs GRU with `resetAfter: false`, the variant tfjs-layers implements (GRUCell.call in
 * tfjs-layers' recurrent.js; it rejects resetAfter: true). Gates z, r, h, one bias [3 * units]:
 *   z = ra(x W_z + h R_z + b_z),  r = ra(x W_r + h R_r + b_r)
 *   hh = a(x W_h + b_h + (r * h) R_h)      <- reset applied BEFORE the recurrent matmul
 *   h = z * h + (1 - z) * hh
 * A masked step keeps h and outputs it again.
 *
 * Packed layout: z and r interleaved per unit ([z0 r0 z1 r1 ...]), then the candidate block,
 * each padded to whole panels; x W + b for all steps is one matmul before the recurrence.
 */
export class GruKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly units: number;
  private readonly steps: number;
  private readonly inputWidth: number;
  private readonly returnSequences: boolean;
  private readonly kernel: PanelMatrix;
  private readonly updateResetKernel: PanelMatrix;
  private readonly candidateKernel: PanelMatrix;
  private readonly bias: number[];
  /** Offset of the candidate block inside a projection row. */
  private readonly candidateOffset: number;
  private readonly projection: number[];
  private readonly gates: number[];
  private readonly candidates: number[];
  private readonly resetHidden: number[];
  private readonly hidden: number[];
  private readonly gate: (x: number) => number;
  private readonly candidate: (x: number) => number;
  private readonly standard: boolean;

  constructor(spec: GruLayerSpec, input: KernelShape, field: string) {
    if (!input.sequence) throw new InvalidSequenceGraphError(field, `a GRU needs a sequence input, got a vector of ${input.width}`);
    const units = checkSize(spec.units, `${field}.units`);
    const inputWidth = input.width;
    const kernel = checkTensor(spec.weights?.kernel, [inputWidth, 3 * units], `${field}.weights.kernel`);
    const recurrent = checkTensor(spec.weights?.recurrentKernel, [units, 3 * units], `${field}.weights.recurrentKernel`);
    const bias = spec.weights?.bias ? checkTensor(spec.weights.bias, [3 * units], `${field}.weights.bias`) : undefined;
    const { gate, candidate, standard } = recurrentActivations(spec.activation, spec.recurrentActivation, field);

    const updateResetOrder = new Int32Array(2 * units);
    for (let n = 0; n < units; n++) {
      updateResetOrder[2 * n] = n;
      updateResetOrder[2 * n + 1] = units + n;
    }
    const candidateOrder = new Int32Array(units);
    for (let n = 0; n < units; n++) candidateOrder[n] = 2 * units + n;
    const candidateOffset = paddedColumnCount(2 * units);
    const projectionOrder = new Int32Array(candidateOffset + units).fill(-1);
    projectionOrder.set(updateResetOrder);
    projectionOrder.set(candidateOrder, candidateOffset);

    this.units = units;
    this.steps = input.steps;
    this.inputWidth = inputWidth;
    this.returnSequences = spec.returnSequences;
    this.kernel = packPanelMatrix(kernel, inputWidth, 3 * units, projectionOrder);
    this.updateResetKernel = packPanelMatrix(recurrent, units, 3 * units, updateResetOrder);
    this.candidateKernel = packPanelMatrix(recurrent, units, 3 * units, candidateOrder);
    this.bias = paddedVector(bias, projectionOrder);
    this.candidateOffset = candidateOffset;
    this.projection = doubles(input.steps * this.kernel.paddedColumns);
    this.gates = doubles(candidateOffset);
    this.candidates = doubles(paddedColumnCount(units));
    this.resetHidden = doubles(units);
    this.hidden = doubles(units);
    this.gate = gate;
    this.candidate = candidate;
    this.standard = standard;
    this.outputShape = spec.returnSequences
      ? { sequence: true, steps: input.steps, width: units }
      : { sequence: false, steps: 1, width: units };
    this.output = doubles(this.outputShape.steps * units);
  }

  run(input: number[], mask: Uint8Array | null): Uint8Array | null {
    const { units, steps, projection, gates, candidates, resetHidden, hidden, output, gate, candidate } = this;
    const columns = this.kernel.paddedColumns;
    multiplyPanels(this.kernel, input, 0, this.inputWidth, steps, this.bias, 0, 0, projection, 0, columns, columns);
    hidden.fill(0);
    for (let t = 0; t < steps; t++) {
      if (mask === null || mask[t] !== 0) {
        const row = t * columns;
        multiplyPanelsRow(this.updateResetKernel, hidden, 0, projection, row, gates, 0, this.candidateOffset);
        for (let n = 0; n < units; n++) {
          const z = this.standard ? 1 / (1 + Math.exp(-gates[2 * n])) : gate(gates[2 * n]);
          const r = this.standard ? 1 / (1 + Math.exp(-gates[2 * n + 1])) : gate(gates[2 * n + 1]);
          gates[2 * n] = z;
          resetHidden[n] = r * hidden[n];
        }
        multiplyPanelsRow(this.candidateKernel, resetHidden, 0, projection, row + this.candidateOffset, candidates, 0, units);
        for (let n = 0; n < units; n++) {
          const z = gates[2 * n];
          const hh = this.standard ? 1 - 2 / (Math.exp(2 * candidates[n]) + 1) : candidate(candidates[n]);
          hidden[n] = z * hidden[n] + (1 - z) * hh;
        }
      }
      if (this.returnSequences) for (let n = 0, at = t * units; n < units; n++) output[at + n] = hidden[n];
    }
    if (!this.returnSequences) for (let n = 0; n < units; n++) output[n] = hidden[n];
    return this.returnSequences ? mask : null;
  }
}
