import type { LstmLayerSpec } from '../SequenceGraph';
import type { KernelShape, LayerKernel } from '../LayerKernel';
import { checkSize, checkTensor } from '../checkTensor';
import { InvalidSequenceGraphError } from '../InvalidSequenceGraphError';
import { doubles } from '../doubles';
import type { InferenceWasm } from './InferenceWasm';
import { int8Columns, MAX_I16_DEPTH } from './int8Columns';
import { paddedColumns, writeF32Panels, writeI16Panels } from './writePanels';

/** Whether the wasm kernel implements this LSTM (it has the standard sigmoid gates and tanh only). */
export function wasmLstmSupports(spec: LstmLayerSpec): boolean {
  return spec.activation === 'tanh' && spec.recurrentActivation === 'sigmoid';
}

/**
 * The LSTM forward pass in inference.wasm (f32 SIMD; see packages/shared/assembly/lstmSequence.ts),
 * the same function as LstmKernel, which stays the reference and the fallback. Weights are copied
 * into the module's memory once: the input kernel row-major and the recurrent kernel in panels,
 * both padded with zero gate columns to whole panels. When the recurrent weights are int8 values
 * (an int8 artifact), the recurrence runs as 16-bit integer dot products (exact weights, h rounded
 * to 1/32767: |error| in p(BUY) ~1e-5, far below the int8 weights' own), which halves its cost;
 * otherwise in f32. A run copies the layer input in and the output out (a few thousand values).
 */
export class WasmLstmKernel implements LayerKernel {
  readonly outputShape: KernelShape;
  readonly output: number[];
  private readonly wasm: InferenceWasm;
  private readonly units: number;
  private readonly steps: number;
  private readonly inputWidth: number;
  private readonly columns: number;
  private readonly returnSequences: boolean;
  /** Whether the recurrence runs on int8 weights in 16-bit fixed point (see the class comment). */
  readonly integerRecurrence: boolean;
  /** Byte addresses in the module's memory; scale and h16 are 0 for the f32 recurrence. */
  private readonly at: { x: number; kernel: number; recurrent: number; bias: number; proj: number; gates: number; h: number; c: number; out: number; mask: number; scale: number; h16: number };

  constructor(spec: LstmLayerSpec, input: KernelShape, field: string, wasm: InferenceWasm) {
    if (!input.sequence) throw new InvalidSequenceGraphError(field, `an LSTM needs a sequence input, got a vector of ${input.width}`);
    if (!wasmLstmSupports(spec)) throw new InvalidSequenceGraphError(field, 'the wasm LSTM runs sigmoid gates with a tanh activation only');
    const units = checkSize(spec.units, `${field}.units`);
    const inputWidth = input.width;
    const gates = 4 * units;
    const kernel = checkTensor(spec.weights?.kernel, [inputWidth, gates], `${field}.weights.kernel`);
    const recurrent = checkTensor(spec.weights?.recurrentKernel, [units, gates], `${field}.weights.recurrentKernel`);
    const bias = spec.weights?.bias ? checkTensor(spec.weights.bias, [gates], `${field}.weights.bias`) : undefined;
    const panel = wasm.panelWidth;
    const columns = Math.ceil(gates / panel) * panel;
    const steps = input.steps;
    const outSteps = spec.returnSequences ? steps : 1;

    this.wasm = wasm;
    this.units = units;
    this.steps = steps;
    this.inputWidth = inputWidth;
    this.columns = columns;
    this.returnSequences = spec.returnSequences;
    const int8 = units <= MAX_I16_DEPTH ? int8Columns(recurrent, units, gates) : null;
    this.integerRecurrence = int8 !== null;
    const pairs = Math.ceil(units / 2);
    this.at = {
      x: wasm.reserve(steps * inputWidth * 4),
      kernel: wasm.reserve(inputWidth * columns * 4),
      recurrent: int8 ? wasm.reserve(pairs * 2 * columns * 2) : wasm.reserve(units * columns * 4),
      bias: wasm.reserve(columns * 4),
      proj: wasm.reserve(steps * columns * 4),
      gates: wasm.reserve(columns * 4),
      h: wasm.reserve(units * 4),
      c: wasm.reserve(units * 4),
      out: wasm.reserve(outSteps * units * 4),
      mask: wasm.reserve(steps),
      scale: int8 ? wasm.reserve(columns * 4) : 0,
      h16: int8 ? wasm.reserve(pairs * 4) : 0,
    };
    const heap = wasm.f32();
    const k0 = this.at.kernel / 4;
    for (let row = 0; row < inputWidth; row++) heap.set(kernel.subarray(row * gates, (row + 1) * gates), k0 + row * columns);
    const order = paddedColumns(gates, panel);
    if (int8) {
      writeI16Panels(new Int16Array(wasm.memory(), this.at.recurrent, pairs * 2 * columns), int8.q, units, gates, order, panel);
      // the product's integers are q * round(32767 h): one scale per column undoes both
      const scale = this.at.scale / 4;
      for (let column = 0; column < gates; column++) heap[scale + column] = int8.scale[column] / 32767;
    } else {
      writeF32Panels(heap, this.at.recurrent / 4, recurrent, units, gates, order, panel);
    }
    if (bias) heap.set(bias, this.at.bias / 4);
    this.outputShape = spec.returnSequences ? { sequence: true, steps, width: units } : { sequence: false, steps: 1, width: units };
    this.output = doubles(outSteps * units);
  }

  run(input: number[], mask: Uint8Array | null): Uint8Array | null {
    const { at } = this;
    this.wasm.writeInput(input, this.steps * this.inputWidth, at.x, mask, at.mask);
    this.wasm.kernels.lstmSequence(
      this.steps, this.inputWidth, this.units, this.columns,
      at.x, at.kernel, at.recurrent, at.bias, at.proj, at.gates, at.h, at.c, at.out,
      this.returnSequences ? 1 : 0, mask === null ? 0 : at.mask,
      at.scale, at.h16,
    );
    this.wasm.readOutput(at.out, this.output);
    return this.returnSequences ? mask : null;
  }
}
