import type { LayerSpec } from './SequenceGraph';
import type { KernelShape, LayerKernel } from './LayerKernel';
import { DenseKernel } from './DenseKernel';
import { LastStepKernel } from './LastStepKernel';
import { GruKernel } from './GruKernel';
import { LstmKernel } from './LstmKernel';
import { MaskingKernel } from './MaskingKernel';
import { MaskedAveragePoolingKernel } from './MaskedAveragePoolingKernel';
import { PositionalEncodingKernel } from './PositionalEncodingKernel';
import { TemporalAttentionKernel } from './TemporalAttentionKernel';
import { TransformerEncoderBlockKernel } from './TransformerEncoderBlockKernel';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';
import type { InferenceWasm } from './wasm/InferenceWasm';
import { WasmGruKernel, wasmGruSupports } from './wasm/WasmGruKernel';
import { WasmLstmKernel, wasmLstmSupports } from './wasm/WasmLstmKernel';

/**
 * Prepares the kernel of a single-input layer spec, given the shape that reaches it (the
 * multi-input `concatenate` is built by createSequenceModel). `field` names the layer in errors.
 * `wasm`, when given, supplies the inference.wasm instance for the layers it implements (LSTM and
 * GRU with sigmoid gates and tanh), or null when the module cannot be instantiated; every other layer, and
 * every layer then, runs in TypeScript.
 */
export function createLayerKernel(
  spec: Exclude<LayerSpec, { type: 'concatenate' }>,
  input: KernelShape,
  field: string,
  wasm?: () => InferenceWasm | null,
): LayerKernel {
  switch (spec.type) {
    case 'masking':
      return new MaskingKernel(spec, input, field);
    case 'lstm': {
      const instance = wasm && wasmLstmSupports(spec) ? wasm() : null;
      return instance ? new WasmLstmKernel(spec, input, field, instance) : new LstmKernel(spec, input, field);
    }
    case 'gru': {
      const instance = wasm && wasmGruSupports(spec) ? wasm() : null;
      return instance ? new WasmGruKernel(spec, input, field, instance) : new GruKernel(spec, input, field);
    }
    case 'dense':
      return new DenseKernel(spec, input, field);
    case 'temporalAttention':
      return new TemporalAttentionKernel(spec, input, field);
    case 'positionalEncoding':
      return new PositionalEncodingKernel(spec, input, field);
    case 'transformerEncoderBlock':
      return new TransformerEncoderBlockKernel(spec, input, field);
    case 'maskedAveragePooling':
      return new MaskedAveragePoolingKernel(spec, input, field);
    case 'lastStep':
      return new LastStepKernel(spec, input, field);
    default:
      throw new InvalidSequenceGraphError(`${field}.type`, `unknown layer type '${String((spec as { type: unknown }).type)}'`);
  }
}
