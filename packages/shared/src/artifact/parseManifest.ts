import { ArtifactIntegrityError } from './ArtifactIntegrityError';
import type { ArtifactManifest } from './ArtifactManifest';
import { decodeUtf8 } from './utf8';
import { validateManifest } from './validateManifest';

/**
 * Parses and validates manifest bytes. Bytes that are not UTF-8 JSON throw ArtifactIntegrityError
 * naming manifest.json and `version` (what the caller expected, or "unknown"); a well-formed but
 * wrong manifest throws ManifestValidationError naming the field.
 */
export function parseManifest(bytes: Uint8Array, version = 'unknown'): ArtifactManifest {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    throw new ArtifactIntegrityError(version, 'manifest.json', `is not UTF-8 JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return validateManifest(json);
}
