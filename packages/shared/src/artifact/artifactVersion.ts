import type { ArtifactManifest } from './ArtifactManifest';
import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './sha256Hex';
import { encodeUtf8 } from './utf8';

/**
 * The manifest as stored: UTF-8 canonical JSON (sorted keys, no whitespace).
 */
export function manifestBytes(manifest: ArtifactManifest): Uint8Array {
  return encodeUtf8(canonicalJson(manifest));
}

/**
 * An artifact's version id: lowercase hex sha256 of `manifestBytes(manifest)`. The manifest lists
 * the sha256 and length of every blob object, so the id changes when any byte of the artifact does,
 * and any pretty-printed copy of the manifest gives the same id.
 */
export function artifactVersion(manifest: ArtifactManifest): string {
  return sha256Hex(manifestBytes(manifest));
}
