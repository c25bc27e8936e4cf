import { DTYPE_BYTES, TENSOR_DTYPES, type BlobObject, type ModelEntry } from './ArtifactManifest';
import { ManifestValidationError } from './ManifestValidationError';
import { join, readArray, readFields, readInteger, readObject, readOneOf, readString } from './manifestFields';

/** Model, blob and tensor names: safe as object keys, file names and URL segments. */
export const ARTIFACT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

const NAME_RULE = '1-128 letters, digits, ".", "_" or "-", starting with a letter or digit';

/**
 * Checks one `models.<name>` entry: field types, tensor byte lengths that match shape x dtype,
 * int8 scales (one float32 per output channel), and byte ranges that lie inside a listed blob.
 */
export function validateModelEntry(value: unknown, field: string, blobs: ReadonlyMap<string, BlobObject>): ModelEntry {
  const model = readFields(value, field, ['kind', 'architecture', 'tensors'], ['trees']);
  readString(model.kind, join(field, 'kind'));
  readObject(model.architecture, join(field, 'architecture'));
  const tensorNames = new Set<string>();
  readArray(model.tensors, join(field, 'tensors')).forEach((item, i) => {
    const at = join(join(field, 'tensors'), i);
    const tensor = readFields(item, at, ['name', 'shape', 'dtype', 'blob', 'byteOffset', 'byteLength'], ['scales']);
    const name = readString(tensor.name, join(at, 'name'));
    if (tensorNames.has(name)) throw new ManifestValidationError(join(at, 'name'), 'unique within the model', name);
    tensorNames.add(name);
    const shape = readArray(tensor.shape, join(at, 'shape')).map((dim, d) => readInteger(dim, join(join(at, 'shape'), d), 1));
    const dtype = readOneOf(tensor.dtype, join(at, 'dtype'), TENSOR_DTYPES);
    const elements = shape.reduce((product, dim) => product * dim, 1);
    const blob = readBlobRange(tensor, at, blobs);
    if (blob.byteLength !== elements * DTYPE_BYTES[dtype]) {
      throw new ManifestValidationError(join(at, 'byteLength'), `${elements * DTYPE_BYTES[dtype]} (shape [${shape}] as ${dtype})`, blob.byteLength);
    }
    if (dtype === 'int8') {
      if (tensor.scales === undefined) throw new ManifestValidationError(join(at, 'scales'), 'present for an int8 tensor', undefined);
      const scales = readFields(tensor.scales, join(at, 'scales'), ['byteOffset', 'byteLength']);
      const range = readBlobRange({ ...scales, blob: tensor.blob }, join(at, 'scales'), blobs);
      const channels = shape.length === 0 ? 1 : shape[shape.length - 1];
      if (range.byteLength !== channels * 4) {
        throw new ManifestValidationError(join(join(at, 'scales'), 'byteLength'), `${channels * 4} (one float32 per output channel)`, range.byteLength);
      }
    } else if (tensor.scales !== undefined) {
      throw new ManifestValidationError(join(at, 'scales'), `absent for a ${dtype} tensor`, tensor.scales);
    }
  });
  if (model.trees !== undefined) {
    const trees = readFields(model.trees, join(field, 'trees'), ['json', 'buffers']);
    readObject(trees.json, join(join(field, 'trees'), 'json'));
    const bufferNames = new Set<string>();
    readArray(trees.buffers, join(join(field, 'trees'), 'buffers')).forEach((item, i) => {
      const at = join(join(join(field, 'trees'), 'buffers'), i);
      const buffer = readFields(item, at, ['name', 'blob', 'byteOffset', 'byteLength']);
      const name = readString(buffer.name, join(at, 'name'));
      if (bufferNames.has(name)) throw new ManifestValidationError(join(at, 'name'), 'unique within the trees', name);
      bufferNames.add(name);
      readBlobRange(buffer, at, blobs);
    });
  }
  return model as unknown as ModelEntry;
}

/** Checks a model or blob name. */
export function readArtifactName(value: unknown, field: string): string {
  return readString(value, field, ARTIFACT_NAME, NAME_RULE);
}

function readBlobRange(entry: Record<string, unknown>, at: string, blobs: ReadonlyMap<string, BlobObject>): { byteOffset: number; byteLength: number } {
  const blobName = readString(entry.blob, join(at, 'blob'));
  const blob = blobs.get(blobName);
  if (!blob) throw new ManifestValidationError(join(at, 'blob'), `one of the listed blobs (${[...blobs.keys()].join(', ') || 'none'})`, blobName);
  const byteOffset = readInteger(entry.byteOffset, join(at, 'byteOffset'));
  const byteLength = readInteger(entry.byteLength, join(at, 'byteLength'));
  if (byteOffset + byteLength > blob.byteLength) {
    throw new ManifestValidationError(join(at, 'byteOffset'), `a range inside blob "${blobName}" (${blob.byteLength} bytes)`, `${byteOffset}+${byteLength}`);
  }
  return { byteOffset, byteLength };
}
