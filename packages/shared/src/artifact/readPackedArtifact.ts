import type { PackedArtifact } from './packArtifact';
import { readArtifact, type LoadedArtifact } from './readArtifact';
import { encodeUtf8 } from './utf8';

/**
 * Reads an artifact held in memory (packArtifact's output, or a directory read back) through the
 * same verification a store read goes through: manifest against its version, every blob's hash.
 */
export function readPackedArtifact(packed: PackedArtifact): Promise<LoadedArtifact> {
  return readArtifact(encodeUtf8(JSON.stringify(packed.manifest)), async (name) => packed.blobs.get(name) ?? null, packed.version);
}
