import type { ModelDraft } from '../artifact/packArtifact';
import type { LoadedModel } from '../artifact/readArtifact';
import { CandlecastError } from '../errors/CandlecastError';
import { base64ToBytes, bytesToBase64 } from '../model/trees/base64';
import type { TreeModelDocument } from '../model/trees/TreeModelDocument';

/** The artifact `kind` of a tree model (random forest or boosted trees). */
export const TREES_KIND = 'trees';

const ARRAYS = ['roots', 'feature', 'threshold', 'left', 'right', 'value'] as const;

/**
 * Stores a tree model document in an artifact: the flat typed arrays go into the model's blob as
 * raw little-endian buffers (checksummed like tensors), the rest of the document stays JSON.
 */
export function treeDocumentToDraft(document: TreeModelDocument): ModelDraft {
  const buffers: Record<string, Uint8Array> = {};
  for (const key of ARRAYS) {
    const bytes = base64ToBytes(document.trees.arrays[key]);
    if (!bytes) throw new CandlecastError('invalid_trees', `tree model "${document.name}": array "${key}" is not valid base64`);
    buffers[key] = bytes;
  }
  const json = { ...document, trees: { ...document.trees, arrays: Object.fromEntries(ARRAYS.map((k) => [k, `buffer:${k}`])) } };
  return { kind: TREES_KIND, architecture: { name: document.name }, tensors: [], trees: { json: json as unknown as Record<string, unknown>, buffers } };
}

/** Rebuilds the tree model document of a loaded artifact model. */
export function treeDocumentFromLoaded(name: string, model: LoadedModel): TreeModelDocument {
  if (model.kind !== TREES_KIND || !model.trees) throw new CandlecastError('invalid_artifact', `model "${name}" is a ${model.kind}, not trees`);
  const json = model.trees.json as unknown as TreeModelDocument;
  const arrays = {} as TreeModelDocument['trees']['arrays'];
  for (const key of ARRAYS) {
    const bytes = model.trees.buffers[key];
    if (!bytes) throw new CandlecastError('invalid_artifact', `model "${name}": tree buffer "${key}" is missing`);
    arrays[key] = bytesToBase64(bytes);
  }
  return { ...json, trees: { ...json.trees, arrays } };
}
