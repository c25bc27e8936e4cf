import { ARTIFACT_FORMAT_VERSION, type ArtifactManifest, type BufferEntry, type JsonRecord, type ModelEntry, type TensorDtype, type TensorEntry } from './ArtifactManifest';
import { artifactVersion } from './artifactVersion';
import { sha256Hex } from './sha256Hex';
import { encodeTensor } from './tensorBytes';
import { validateManifest } from './validateManifest';

/** A tensor to store: row-major float values of `shape`, kept as `dtype`. */
export interface TensorDraft {
  name: string;
  shape: number[];
  dtype: TensorDtype;
  values: ArrayLike<number>;
}

/** A model to store: its tensors as floats, its trees as JSON plus raw buffers. */
export interface ModelDraft {
  kind: string;
  architecture: JsonRecord;
  tensors: TensorDraft[];
  trees?: { json: JsonRecord; buffers?: Record<string, Uint8Array> };
}

/** Everything of a manifest except what packing computes (format version, tensor placement, blobs). */
export type ArtifactDraft = Omit<ArtifactManifest, 'formatVersion' | 'models' | 'blobs'> & { models: Record<string, ModelDraft> };

/** A complete artifact in memory: the manifest, its version id, and its blob objects by name. */
export interface PackedArtifact {
  version: string;
  manifest: ArtifactManifest;
  blobs: Map<string, Uint8Array>;
}

/** Tensor starts are 8-byte aligned so a reader could view fp32 data in place. */
const ALIGN = 8;

/**
 * Encodes every tensor (int8 / fp16 / fp32 per tensor) and tree buffer into one blob object per
 * model, `<model>.bin`, writes their offsets, lengths and checksums into the manifest, validates
 * it and computes the version id.
 */
export function packArtifact(draft: ArtifactDraft): PackedArtifact {
  const blobs = new Map<string, Uint8Array>();
  const models: Record<string, ModelEntry> = {};
  for (const [modelName, model] of Object.entries(draft.models)) {
    const blobName = `${modelName}.bin`;
    const writer = new BlobWriter();
    const tensors: TensorEntry[] = model.tensors.map((tensor) => {
      const encoded = encodeTensor(tensor.values, tensor.shape, tensor.dtype, `${modelName}/${tensor.name}`);
      const entry: TensorEntry = { name: tensor.name, shape: [...tensor.shape], dtype: tensor.dtype, blob: blobName, ...writer.append(encoded.data) };
      if (encoded.scales) entry.scales = writer.append(encoded.scales);
      return entry;
    });
    models[modelName] = { kind: model.kind, architecture: model.architecture, tensors };
    if (model.trees) {
      const buffers: BufferEntry[] = Object.entries(model.trees.buffers ?? {}).map(([name, bytes]) => ({ name, blob: blobName, ...writer.append(bytes) }));
      models[modelName].trees = { json: model.trees.json, buffers };
    }
    if (writer.length > 0) blobs.set(blobName, writer.finish());
  }
  const manifest = validateManifest({
    ...draft,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    models,
    blobs: [...blobs].map(([name, bytes]) => ({ name, sha256: sha256Hex(bytes), byteLength: bytes.byteLength })),
  });
  return { version: artifactVersion(manifest), manifest, blobs };
}

class BlobWriter {
  private readonly parts: Uint8Array[] = [];
  length = 0;

  append(bytes: Uint8Array): { byteOffset: number; byteLength: number } {
    const padding = (ALIGN - (this.length % ALIGN)) % ALIGN;
    if (padding > 0) this.parts.push(new Uint8Array(padding));
    const byteOffset = this.length + padding;
    this.parts.push(bytes);
    this.length = byteOffset + bytes.byteLength;
    return { byteOffset, byteLength: bytes.byteLength };
  }

  finish(): Uint8Array {
    const out = new Uint8Array(this.length);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.byteLength;
    }
    return out;
  }
}
