import { GRAPH_INPUT, type LayerSpec, type SequenceGraph } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { ConcatenateKernel } from './ConcatenateKernel';
import { createLayerKernel } from './createLayerKernel';
import { TemporalAttentionKernel } from './TemporalAttentionKernel';
import { checkSize } from './checkTensor';
import { BufferSizeError } from './BufferSizeError';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import { doubles } from './doubles';
import { InferenceWasm } from './wasm/InferenceWasm';
import type { WasmModule } from './wasm/webAssembly';

/** A deep sequence model ready to serve: weights prepared once, buffers owned, nothing allocated per predict. */
export interface SequenceModel {
  readonly windowLength: number;
  readonly featureCount: number;
  /** Values per prediction: 2 for candlecast's softmax [p(SELL), p(BUY)]. */
  readonly outputSize: number;
  /**
   * Runs one normalised window, row-major `[windowLength, featureCount]`. Writes the model's
   * output (`[outputSize]`, softmax probabilities for candlecast models) into `output` when
   * given, else into a buffer the model owns and overwrites on the next call; returns it.
   */
  predict(window: Float32Array, output?: Float32Array): Float32Array;
  /**
   * Models with a temporal attention layer only: the attention weight of each step `[windowLength]`
   * in the last `predict` ("which candles mattered"; sums to 1, padded steps 0). Owned buffer,
   * overwritten by the next call.
   */
  attention?(): Float32Array;
  /** Bytes of inference.wasm linear memory this model holds (0 when it runs in TypeScript): V8's heap counters leave it out. */
  readonly wasmMemoryBytes: number;
  /** Why inference.wasm was given but not used (it could not be instantiated here); absent otherwise. */
  readonly wasmUnavailable?: string;
}

/** How to build a model's kernels. */
export interface SequenceModelOptions {
  /**
   * The compiled inference.wasm (packages/shared/build/inference.wasm): LSTM layers then run in
   * wasm SIMD, the rest in TypeScript. Without it (or where a layer has no wasm kernel) everything
   * runs in TypeScript, which gives the same results to float32 rounding.
   */
  wasm?: WasmModule | null;
}

/** One prepared layer and where its inputs come from (0: the window, i + 1: layer i's output). */
interface Step {
  kernel: LayerKernel | null;
  merge: ConcatenateKernel | null;
  sources: number[];
  /** Reused argument arrays for `merge`, so a predict allocates nothing. */
  inputs: number[][];
  masks: (Uint8Array | null)[];
}

/** Builds the pure-TS forward pass of `graph`, checking every size, reference and weight shape up front. */
export function createSequenceModel(graph: SequenceGraph, options: SequenceModelOptions = {}): SequenceModel {
  if (graph.format !== 'candlecast.sequence-graph') {
    throw new InvalidSequenceGraphError('format', `expected 'candlecast.sequence-graph', got '${String(graph.format)}'`);
  }
  if (graph.version !== 1) throw new InvalidSequenceGraphError('version', `expected 1, got ${String(graph.version)}`);
  const windowLength = checkSize(graph.windowLength, 'windowLength');
  const featureCount = checkSize(graph.featureCount, 'featureCount');
  if (!Array.isArray(graph.layers) || graph.layers.length === 0) {
    throw new InvalidSequenceGraphError('layers', 'expected at least one layer');
  }
  const input = doubles(windowLength * featureCount);
  const shapes: KernelShape[] = [{ sequence: true, steps: windowLength, width: featureCount }];
  const values: number[][] = [input];
  const masks: (Uint8Array | null)[] = [null];
  const indexOf = new Map<string, number>([[GRAPH_INPUT, 0]]);
  // one module instance (one linear memory) for all the model's wasm layers, made on first use; a
  // module that cannot be instantiated (not inference.wasm, no SIMD...) leaves every layer in TypeScript
  let instance: InferenceWasm | undefined;
  let wasmUnavailable: string | undefined;
  const module = options.wasm;
  const wasm = module
    ? () => {
        if (instance === undefined && wasmUnavailable === undefined) {
          try {
            instance = new InferenceWasm(module);
          } catch (error) {
            wasmUnavailable = error instanceof Error ? error.message : String(error);
          }
        }
        return instance ?? null;
      }
    : undefined;
  const steps = graph.layers.map((spec, i): Step => {
    const field = `layers[${i}] (${spec.name})`;
    if (indexOf.has(spec.name)) throw new InvalidSequenceGraphError(`${field}.name`, `'${spec.name}' is already taken`);
    const sources = sourcesOf(spec, i, indexOf, field);
    const step: Step = { kernel: null, merge: null, sources, inputs: [], masks: [] };
    if (spec.type === 'concatenate') {
      step.merge = new ConcatenateKernel(sources.map((s) => shapes[s]), field);
      step.inputs = sources.map((s) => values[s]);
      step.masks = sources.map(() => null);
    } else {
      if (sources.length !== 1) throw new InvalidSequenceGraphError(`${field}.inputs`, `expected 1 input, got ${sources.length}`);
      step.kernel = createLayerKernel(spec, shapes[sources[0]], field, wasm);
    }
    const kernel = (step.kernel ?? step.merge)!;
    shapes.push(kernel.outputShape);
    values.push(kernel.output);
    masks.push(null);
    indexOf.set(spec.name, i + 1);
    return step;
  });
  const last = shapes[shapes.length - 1];
  if (last.sequence) {
    throw new InvalidSequenceGraphError('layers', `the last layer must output a vector, got a sequence [${last.steps}, ${last.width}]`);
  }
  const outputSize = last.width;
  const result = values[values.length - 1];
  const owned = new Float32Array(outputSize);

  const model: SequenceModel = {
    wasmMemoryBytes: instance ? instance.memory().byteLength : 0,
    ...(wasmUnavailable !== undefined ? { wasmUnavailable } : {}),
    windowLength,
    featureCount,
    outputSize,
    predict(window: Float32Array, output: Float32Array = owned): Float32Array {
      if (window.length !== input.length) {
        throw new BufferSizeError('window [windowLength, featureCount]', input.length, window.length);
      }
      if (output.length !== outputSize) throw new BufferSizeError('output', outputSize, output.length);
      for (let i = 0; i < input.length; i++) input[i] = window[i];
      for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        if (step.merge !== null) {
          for (let s = 0; s < step.sources.length; s++) step.masks[s] = masks[step.sources[s]];
          masks[i + 1] = step.merge.run(step.inputs, step.masks);
        } else {
          const source = step.sources[0];
          masks[i + 1] = step.kernel!.run(values[source], masks[source]);
        }
      }
      for (let j = 0; j < outputSize; j++) output[j] = result[j];
      return output;
    },
  };
  const attention = steps.map((step) => step.kernel).filter((kernel) => kernel instanceof TemporalAttentionKernel).pop();
  if (attention) {
    const weights = new Float32Array(attention.weights.length);
    model.attention = () => {
      for (let t = 0; t < weights.length; t++) weights[t] = attention.weights[t];
      return weights;
    };
  }
  return model;
}

/** Indices of a layer's inputs: the named earlier layers, or by default the layer just before it. */
function sourcesOf(spec: LayerSpec, index: number, indexOf: Map<string, number>, field: string): number[] {
  if (spec.inputs === undefined) return [index];
  if (!Array.isArray(spec.inputs)) throw new InvalidSequenceGraphError(`${field}.inputs`, `expected an array of layer names, got ${String(spec.inputs)}`);
  return spec.inputs.map((name) => {
    const source = indexOf.get(name);
    if (source === undefined) {
      throw new InvalidSequenceGraphError(`${field}.inputs`, `'${name}' is neither '${GRAPH_INPUT}' nor an earlier layer`);
    }
    return source;
  });
}
