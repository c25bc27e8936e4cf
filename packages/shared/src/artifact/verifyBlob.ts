import { ArtifactIntegrityError } from './ArtifactIntegrityError';
import type { BlobObject } from './ArtifactManifest';
import { sha256Hex } from './sha256Hex';

/**
 * Checks a blob object's bytes against its manifest entry: present, exactly `byteLength` long,
 * hashing to `sha256`. Throws ArtifactIntegrityError naming the blob and the version.
 */
export function verifyBlob(version: string, entry: BlobObject, bytes: Uint8Array | null | undefined): Uint8Array {
  if (!bytes) throw new ArtifactIntegrityError(version, entry.name, 'is missing');
  if (bytes.byteLength < entry.byteLength) {
    throw new ArtifactIntegrityError(version, entry.name, `is truncated: ${bytes.byteLength} bytes, the manifest says ${entry.byteLength}`);
  }
  if (bytes.byteLength > entry.byteLength) {
    throw new ArtifactIntegrityError(version, entry.name, `is too long: ${bytes.byteLength} bytes, the manifest says ${entry.byteLength}`);
  }
  const actual = sha256Hex(bytes);
  if (actual !== entry.sha256) {
    throw new ArtifactIntegrityError(version, entry.name, `is corrupted: sha256 ${actual.slice(0, 12)}..., the manifest says ${entry.sha256.slice(0, 12)}...`);
  }
  return bytes;
}
