import type { ModelDraft, TensorDraft } from '../artifact/packArtifact';
import type { LoadedModel } from '../artifact/readArtifact';
import type { TensorDtype } from '../artifact/ArtifactManifest';
import { CandlecastError } from '../errors/CandlecastError';
import type { GraphTensor, LayerSpec, SequenceGraph } from '../model/kernels/SequenceGraph';

/** The artifact `kind` of a deep model stored as a sequence graph. */
export const SEQUENCE_GRAPH_KIND = 'sequence-graph';

/**
 * How a deep model's weights are stored: matrices (2-D and up) as int8 per output channel by
 * default, or fp16 / fp32; vectors (biases, layer-norm gains, attention score vectors) always fp32,
 * because they are tiny and int8 "per channel" on a vector would be one scale per element.
 */
export type WeightPrecision = 'int8' | 'fp16' | 'fp32';

/**
 * Turns a sequence graph into an artifact model entry: the architecture is the graph with each
 * weight replaced by its tensor's name (`<layer>/<weight>`), the tensors carry the values.
 */
export function sequenceGraphToDraft(graph: SequenceGraph, precision: WeightPrecision = 'int8'): ModelDraft {
  const tensors: TensorDraft[] = [];
  const layers = graph.layers.map((layer) => {
    const weights = (layer as { weights?: Record<string, GraphTensor | undefined> }).weights;
    if (!weights) return layer;
    const names: Record<string, string> = {};
    for (const [key, tensor] of Object.entries(weights)) {
      if (!tensor) continue;
      const name = `${layer.name}/${key}`;
      const dtype: TensorDtype = tensor.shape.length >= 2 ? precision : 'fp32';
      tensors.push({ name, shape: [...tensor.shape], dtype, values: tensor.values });
      names[key] = name;
    }
    return { ...layer, weights: names };
  });
  return { kind: SEQUENCE_GRAPH_KIND, architecture: { ...graph, layers } as unknown as Record<string, unknown>, tensors };
}

/** Rebuilds the sequence graph of a loaded (verified, dequantized) artifact model. */
export function sequenceGraphFromLoaded(name: string, model: LoadedModel): SequenceGraph {
  if (model.kind !== SEQUENCE_GRAPH_KIND) throw new CandlecastError('invalid_artifact', `model "${name}" is a ${model.kind}, not a ${SEQUENCE_GRAPH_KIND}`);
  const architecture = model.architecture as unknown as Omit<SequenceGraph, 'layers'> & { layers: { name: string; weights?: Record<string, string> }[] };
  const layers = architecture.layers.map((layer) => {
    if (!layer.weights) return layer as unknown as LayerSpec;
    const weights: Record<string, GraphTensor> = {};
    for (const [key, tensorName] of Object.entries(layer.weights)) {
      const tensor = model.tensors[tensorName];
      if (!tensor) throw new CandlecastError('invalid_artifact', `model "${name}": layer ${layer.name} names tensor "${tensorName}", which the artifact does not hold`);
      weights[key] = { shape: tensor.shape, values: tensor.values };
    }
    return { ...layer, weights } as unknown as LayerSpec;
  });
  return { ...architecture, layers };
}
