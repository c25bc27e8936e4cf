import type { GruLayerSpec } from '../SequenceGraph';
import type { KernelShape, LayerKernel } from '../LayerKernel';
import { checkSize, checkTensor } from '../checkTensor';
import { InvalidSequenceGraphError } from '../InvalidSequenceGraphError';
import { doubles } from '../doubles';
import type { InferenceWasm } from './InferenceWasm';
import { int8Columns, MAX_I16_DEPTH } from './int8Columns';
import { paddedColumns, writeF32Panels, writeI16Panels } from './writePanels';

/** Whether the wasm kernel implements this GRU (sigmoid gates, tanh candidate). */
export function wasmGruSupports(spec: GruLayerSpec): boolean {
  return spec.activation === 'tanh' && spec.recurrentActivation === 'sigmoid';
}

/**
 * The GRU forward pass (tfjs's resetAfter: false) in inference.wasm (packages/shared/assembly/
 * gruSequence.ts), the same function as GruKernel, which stays the reference and the fallback.
 * Projection rows hold [z r] padded to whole panels, then the candidate block; int8 recurrent
 * weights run as 16-bit integer dot products, as in WasmLstmKernel.
 */
export class WasmGruKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  readonly integerRecurrence: boolean;
  private readonly wasm: InferenceWasm;
  private readonly units: number;
  private readonly steps: number;
  private readonly inputWidth: number;
  private readonly zrColumns: number;
  private readonly hColumns: number;
  private readonly returnSequences: boolean;
  private readonly at: Record<'x' | 'kernel' | 'recurrentZr' | 'recurrentH' | 'bias' | 'proj' | 'gates' | 'candidate' | 'h' | 'rh' | 'out' | 'mask' | 'scaleZr' | 'scaleH' | 'h16' | 'rh16', number>;

  constructor(spec: GruLayerSpec, input: KernelShape, field: string, wasm: InferenceWasm) {
    if (!input.sequence) throw new InvalidSequenceGraphError(field, `a GRU needs a sequence input, got a vector of ${input.width}`);
    if (!wasmGruSupports(spec)) throw new InvalidSequenceGraphError(field, 'the wasm GRU runs sigmoid gates with a tanh activation only');
    const units = checkSize(spec.units, `${field}.units`);
    const inputWidth = input.width;
    const gates = 3 * units;
    const kernel = checkTensor(spec.weights?.kernel, [inputWidth, gates], `${field}.weights.kernel`);
    const recurrent = checkTensor(spec.weights?.recurrentKernel, [units, gates], `${field}.weights.recurrentKernel`);
    const bias = spec.weights?.bias ? checkTensor(spec.weights.bias, [gates], `${field}.weights.bias`) : undefined;
    const panel = wasm.panelWidth;
    const zrOrder = paddedColumns(2 * units, panel);
    const hOrder = paddedColumns(units, panel, 2 * units);
    const projectionOrder = Int32Array.from([...zrOrder, ...hOrder]);
    const columns = projectionOrder.length;
    const steps = input.steps;
    const outSteps = spec.returnSequences ? steps : 1;
    const int8 = units <= MAX_I16_DEPTH ? int8Columns(recurrent, units, gates) : null;
    const pairs = Math.ceil(units / 2);
    const recurrentBytes = (count: number) => (int8 ? pairs * 2 * count * 2 : units * count * 4);

    this.wasm = wasm;
    this.units = units;
    this.steps = steps;
    this.inputWidth = inputWidth;
    this.zrColumns = zrOrder.length;
    this.hColumns = hOrder.length;
    this.returnSequences = spec.returnSequences;
    this.integerRecurrence = int8 !== null;
    this.at = {
      x: wasm.reserve(steps * inputWidth * 4),
      kernel: wasm.reserve(inputWidth * columns * 4),
      recurrentZr: wasm.reserve(recurrentBytes(zrOrder.length)),
      recurrentH: wasm.reserve(recurrentBytes(hOrder.length)),
      bias: wasm.reserve(columns * 4),
      proj: wasm.reserve(steps * columns * 4),
      gates: wasm.reserve(zrOrder.length * 4),
      candidate: wasm.reserve(hOrder.length * 4),
      h: wasm.reserve(units * 4),
      rh: wasm.reserve(units * 4),
      out: wasm.reserve(outSteps * units * 4),
      mask: wasm.reserve(steps),
      scaleZr: int8 ? wasm.reserve(zrOrder.length * 4) : 0,
      scaleH: int8 ? wasm.reserve(hOrder.length * 4) : 0,
      h16: int8 ? wasm.reserve(pairs * 4) : 0,
      rh16: int8 ? wasm.reserve(pairs * 4) : 0,
    };
    const heap = wasm.f32();
    const k0 = this.at.kernel / 4;
    const b0 = this.at.bias / 4;
    for (let j = 0; j < columns; j++) {
      const source = projectionOrder[j];
      if (source < 0) continue;
      for (let row = 0; row < inputWidth; row++) heap[k0 + row * columns + j] = kernel[row * gates + source];
      if (bias) heap[b0 + j] = bias[source];
    }
    if (int8) {
      writeI16Panels(new Int16Array(wasm.memory(), this.at.recurrentZr, pairs * 2 * zrOrder.length), int8.q, units, gates, zrOrder, panel);
      writeI16Panels(new Int16Array(wasm.memory(), this.at.recurrentH, pairs * 2 * hOrder.length), int8.q, units, gates, hOrder, panel);
      for (const [order, at] of [[zrOrder, this.at.scaleZr], [hOrder, this.at.scaleH]] as const) {
        for (let j = 0; j < order.length; j++) if (order[j] >= 0) heap[at / 4 + j] = int8.scale[order[j]] / 32767;
      }
    } else {
      writeF32Panels(heap, this.at.recurrentZr / 4, recurrent, units, gates, zrOrder, panel);
      writeF32Panels(heap, this.at.recurrentH / 4, recurrent, units, gates, hOrder, panel);
    }
    this.outputShape = spec.returnSequences ? { sequence: true, steps, width: units } : { sequence: false, steps: 1, width: units };
    this.output = doubles(outSteps * units);
  }

  run(input: number[], mask: Uint8Array | null): Uint8Array | null {
    const { at } = this;
    this.wasm.writeInput(input, this.steps * this.inputWidth, at.x, mask, at.mask);
    this.wasm.kernels.gruSequence(
      this.steps, this.inputWidth, this.units, this.zrColumns, this.hColumns,
      at.x, at.kernel, at.recurrentZr, at.recurrentH, at.bias,
      at.proj, at.gates, at.candidate, at.h, at.rh, at.out, this.returnSequences ? 1 : 0, mask === null ? 0 : at.mask,
      at.scaleZr, at.scaleH, at.h16, at.rh16,
    );
    this.wasm.readOutput(at.out, this.output);
    return this.returnSequences ? mask : null;
  }
}
