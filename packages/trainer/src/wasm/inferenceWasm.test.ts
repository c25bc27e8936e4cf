import { describe, expect, it } from 'vitest';
import { createSequenceModel, type GruLayerSpec, type LstmLayerSpec, type SequenceGraph } from '@candlecast/shared/model';
import { InferenceWasm, WasmGruKernel, WasmLstmKernel, webAssembly } from '@candlecast/shared/model/wasm';
import { SeededRandom } from '@candlecast/shared/random';
import { loadInferenceWasm } from './inferenceWasm';

const built = loadInferenceWasm();

function tensor(shape: number[], random: SeededRandom, scale = 0.4) {
  const size = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Float32Array.from({ length: size }, () => random.normal() * scale) };
}

function lstm(name: string, inputWidth: number, units: number, returnSequences: boolean, random: SeededRandom): LstmLayerSpec {
  return {
    type: 'lstm', name, units, returnSequences, activation: 'tanh', recurrentActivation: 'sigmoid',
    weights: { kernel: tensor([inputWidth, 4 * units], random), recurrentKernel: tensor([units, 4 * units], random), bias: tensor([4 * units], random) },
  };
}

function gru(name: string, inputWidth: number, units: number, returnSequences: boolean, random: SeededRandom): GruLayerSpec {
  return {
    type: 'gru', name, units, returnSequences, activation: 'tanh', recurrentActivation: 'sigmoid',
    weights: { kernel: tensor([inputWidth, 3 * units], random), recurrentKernel: tensor([units, 3 * units], random), bias: tensor([3 * units], random) },
  };
}

/** Rewrites a layer's recurrent kernel as an int8 artifact stores it (docs/ARTIFACTS.md): q * scale[column], scale = max |w[:, column]| / 127. */
function asInt8(layer: LstmLayerSpec | GruLayerSpec): void {
  const { shape, values } = layer.weights.recurrentKernel;
  const columns = shape[1];
  const scale = Array.from({ length: columns }, (_, c) => values.filter((_, i) => i % columns === c).reduce((m, w) => Math.max(m, Math.abs(w)), 0) / 127);
  layer.weights.recurrentKernel = { shape, values: values.map((w, i) => Math.fround(Math.round(w / scale[i % columns]) * scale[i % columns])) };
}

/** The largest p(BUY) difference between the TypeScript and the wasm kernels over random (and partly masked) windows. */
function largestDifference(spec: SequenceGraph, masking: boolean, seed: number): number {
  const ts = createSequenceModel(spec);
  const wasm = createSequenceModel(spec, { wasm: built.module });
  const random = new SeededRandom(seed);
  let largest = 0;
  for (let trial = 0; trial < 20; trial++) {
    const window = Float32Array.from({ length: 12 * 5 }, () => random.normal());
    if (masking) window.fill(-1000, 0, (trial % 6) * 5);
    const a = ts.predict(window).slice();
    const b = wasm.predict(window).slice();
    largest = Math.max(largest, Math.abs(a[1] - b[1]));
  }
  return largest;
}

/** A recurrent -> recurrent -> dense softmax stack over a [12, 5] window, optionally masked; unit counts exercise the padded panels and scalar tails. */
function stack(layer: typeof lstm | typeof gru, units1: number, units2: number, masking: boolean, seed: number): SequenceGraph {
  const random = new SeededRandom(seed);
  return {
    format: 'candlecast.sequence-graph',
    version: 1,
    windowLength: 12,
    featureCount: 5,
    layers: [
      ...(masking ? [{ type: 'masking' as const, name: 'mask', maskValue: -1000 }] : []),
      layer('r1', 5, units1, true, random),
      layer('r2', units1, units2, false, random),
      { type: 'dense', name: 'out', units: 2, activation: 'softmax', weights: { kernel: tensor([units2, 2], random), bias: tensor([2], random) } },
    ],
  } as SequenceGraph;
}
const graph = (units1: number, units2: number, masking: boolean, seed: number) => stack(lstm, units1, units2, masking, seed);
const gruGraph = (units1: number, units2: number, masking: boolean, seed: number) => stack(gru, units1, units2, masking, seed);

describe('inference.wasm', () => {
  it('is built and runs here (npm ci builds it; a missing or stale build is a failure, not a skip)', () => {
    expect(built.reason).not.toMatch(/missing|older|cannot|no WebAssembly/);
    expect(built.module).not.toBeNull();
  });

  it.each([
    [16, 8, false],
    [13, 6, false], // units not a multiple of 4 or of the panel: scalar tails and zero padding
    [40, 20, true], // masked (left-padded) windows
  ])('runs the LSTM stack as the TypeScript kernels do (units %i -> %i, masking %s)', (units1, units2, masking) => {
    const largest = largestDifference(graph(units1, units2, masking, units1), masking, 7);
    // f32 arithmetic and Cephes exp in wasm vs doubles in TypeScript
    expect(largest).toBeLessThan(2e-6);
    expect(largest).toBeGreaterThan(0); // it really ran a different kernel
  });

  it('runs int8 recurrent weights as 16-bit integer products, within 1e-4 of the float kernels', () => {
    const spec = graph(40, 20, true, 9);
    for (const layer of spec.layers) {
      if (layer.type !== 'lstm') continue;
      asInt8(layer);
      const kernel = new WasmLstmKernel(layer, { sequence: true, steps: 12, width: layer.weights.kernel.shape[0] }, 'l', new InferenceWasm(built.module!));
      expect(kernel.integerRecurrence).toBe(true);
    }
    const largest = largestDifference(spec, true, 11);
    expect(largest).toBeLessThan(1e-4);
    expect(largest).toBeGreaterThan(0);
  });

  it.each([
    [16, 8, false],
    [13, 6, false],
    [40, 20, true],
  ])('runs the GRU stack as the TypeScript kernels do (units %i -> %i, masking %s)', (units1, units2, masking) => {
    const largest = largestDifference(gruGraph(units1, units2, masking, units1), masking, 5);
    expect(largest).toBeLessThan(2e-6);
    expect(largest).toBeGreaterThan(0);
  });

  it('runs int8 GRU recurrent weights as 16-bit integer products, within 1e-4 of the float kernels', () => {
    const spec = gruGraph(40, 20, true, 12);
    let width = 5;
    for (const layer of spec.layers) {
      if (layer.type !== 'gru') continue;
      asInt8(layer);
      expect(new WasmGruKernel(layer, { sequence: true, steps: 12, width }, 'g', new InferenceWasm(built.module!)).integerRecurrence).toBe(true);
      width = layer.units;
    }
    const largest = largestDifference(spec, true, 13);
    expect(largest).toBeLessThan(1e-4);
    expect(largest).toBeGreaterThan(0);
  });

  it('keeps float weights in float: random fp32 recurrent weights are not mistaken for int8', () => {
    const layer = graph(16, 8, false, 4).layers[0] as LstmLayerSpec;
    expect(new WasmLstmKernel(layer, { sequence: true, steps: 12, width: 5 }, 'l', new InferenceWasm(built.module!)).integerRecurrence).toBe(false);
  });

  it('gives each model its own memory: two models alternate without disturbing each other', () => {
    const a = createSequenceModel(graph(16, 8, false, 1), { wasm: built.module });
    const b = createSequenceModel(graph(16, 8, false, 2), { wasm: built.module });
    // reported, since V8's heap counters leave wasm memory out
    expect(a.wasmMemoryBytes).toBeGreaterThanOrEqual(65536);
    expect(createSequenceModel(graph(16, 8, false, 1)).wasmMemoryBytes).toBe(0);
    const window = Float32Array.from({ length: 60 }, (_, i) => Math.sin(i));
    const first = a.predict(window).slice();
    b.predict(window);
    expect(a.predict(window)).toEqual(first);
  });

  it('falls back to TypeScript, and says why, when the module given is not inference.wasm', () => {
    const empty = new webAssembly!.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])); // a valid, empty module
    const spec = graph(8, 4, false, 5);
    const model = createSequenceModel(spec, { wasm: empty });
    expect(model.wasmUnavailable).toMatch(/not inference\.wasm/);
    const window = Float32Array.from({ length: 60 }, (_, i) => Math.sin(i / 3));
    expect(model.predict(window)).toEqual(createSequenceModel(spec).predict(window));
  });

  it('falls back to TypeScript for LSTMs it does not implement (hardSigmoid gates)', () => {
    const spec = graph(8, 4, false, 3);
    for (const layer of spec.layers) if (layer.type === 'lstm') layer.recurrentActivation = 'hardSigmoid';
    const window = Float32Array.from({ length: 60 }, (_, i) => Math.cos(i));
    expect(createSequenceModel(spec, { wasm: built.module }).predict(window)).toEqual(createSequenceModel(spec).predict(window));
  });
});
