import { ArtifactIntegrityError } from './ArtifactIntegrityError';
import type { ArtifactManifest, JsonRecord, TensorDtype } from './ArtifactManifest';
import { artifactVersion } from './artifactVersion';
import { parseManifest } from './parseManifest';
import { decodeTensor } from './tensorBytes';
import { verifyBlob } from './verifyBlob';

/** A tensor dequantized to float32, row-major over `shape`. `dtype` is how it was stored. */
export interface LoadedTensor {
  shape: number[];
  dtype: TensorDtype;
  values: Float32Array;
}

/** A model ready for a kernel: float32 tensors by name, tree JSON and raw tree buffers by name. */
export interface LoadedModel {
  kind: string;
  architecture: JsonRecord;
  tensors: Record<string, LoadedTensor>;
  trees?: { json: JsonRecord; buffers: Record<string, Uint8Array> };
}

/** A verified artifact: every blob matched its length and sha256 before anything was decoded. */
export interface LoadedArtifact {
  version: string;
  manifest: ArtifactManifest;
  models: Record<string, LoadedModel>;
}

/** Reads one blob object's bytes by name; null when it does not exist. */
export type BlobReader = (name: string) => Promise<Uint8Array | null>;

/**
 * Parses and validates the manifest, checks that it hashes to `expectedVersion` (when given), reads
 * every blob object and verifies its length and sha256, then dequantizes every tensor once. Throws
 * ArtifactIntegrityError naming the object and version on any mismatch, missing object or
 * truncation: a loaded artifact is exactly what was published.
 */
export async function readArtifact(manifestBytes: Uint8Array, readBlob: BlobReader, expectedVersion?: string): Promise<LoadedArtifact> {
  const manifest = parseManifest(manifestBytes, expectedVersion);
  const version = artifactVersion(manifest);
  if (expectedVersion !== undefined && version !== expectedVersion) {
    throw new ArtifactIntegrityError(expectedVersion, 'manifest.json', `is corrupted: it hashes to ${version.slice(0, 12)}..., not to its version`);
  }
  const blobs = new Map<string, Uint8Array>();
  await Promise.all(
    manifest.blobs.map(async (entry) => {
      blobs.set(entry.name, verifyBlob(version, entry, await readBlob(entry.name)));
    }),
  );
  const slice = (blob: string, byteOffset: number, byteLength: number) => blobs.get(blob)!.subarray(byteOffset, byteOffset + byteLength);
  const models: Record<string, LoadedModel> = {};
  for (const [name, entry] of Object.entries(manifest.models)) {
    const tensors: Record<string, LoadedTensor> = {};
    for (const tensor of entry.tensors) {
      const data = slice(tensor.blob, tensor.byteOffset, tensor.byteLength);
      const scales = tensor.scales && slice(tensor.blob, tensor.scales.byteOffset, tensor.scales.byteLength);
      tensors[tensor.name] = { shape: tensor.shape, dtype: tensor.dtype, values: decodeTensor(data, tensor.dtype, scales) };
    }
    models[name] = { kind: entry.kind, architecture: entry.architecture, tensors };
    if (entry.trees) {
      const buffers: Record<string, Uint8Array> = {};
      for (const buffer of entry.trees.buffers) buffers[buffer.name] = slice(buffer.blob, buffer.byteOffset, buffer.byteLength).slice();
      models[name].trees = { json: entry.trees.json, buffers };
    }
  }
  return { version, manifest, models };
}
