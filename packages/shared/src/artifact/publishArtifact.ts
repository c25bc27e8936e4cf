import { CandlecastError } from '../errors/CandlecastError';
import type { ArtifactStore } from './ArtifactStore';
import { artifactVersion, manifestBytes } from './artifactVersion';
import { ConflictError } from './ConflictError';
import { moveTag } from './moveTag';
import type { PackedArtifact } from './packArtifact';
import type { TagState } from './readTag';
import { storeKeys } from './storeKeys';
import { verifyBlob } from './verifyBlob';

export interface PublishOptions {
  /** Move this tag to the new version after it is published. */
  tag?: string;
  /** Canary traffic share for the tag, 0-100. */
  percent?: number;
  updatedBy?: string;
  now?: Date;
}

export interface PublishResult {
  version: string;
  /** True when the version was already in the store (publishing is idempotent). */
  alreadyPublished: boolean;
  /** Bytes of the manifest and all blob objects. */
  bytes: number;
  tag?: TagState;
}

/**
 * Publishes an artifact: checks every blob against the manifest (nothing corrupt is uploaded),
 * writes the blobs, then the manifest (create-only), then optionally moves a tag. Readers find a
 * version only through its manifest, so a publish that dies before the manifest leaves nothing
 * visible (`collectGarbage` removes its blobs later), and a tag never points at a partial version.
 */
export async function publishArtifact(store: ArtifactStore, artifact: PackedArtifact, options: PublishOptions = {}): Promise<PublishResult> {
  const { manifest, version } = artifact;
  if (artifactVersion(manifest) !== version) {
    throw new CandlecastError('version_mismatch', `artifact claims version ${version} but its manifest hashes to ${artifactVersion(manifest)}`);
  }
  const blobs = manifest.blobs.map((entry) => ({ entry, bytes: verifyBlob(version, entry, artifact.blobs.get(entry.name)) }));
  const manifestKey = storeKeys.manifest(version);
  const stored = manifestBytes(manifest);
  let alreadyPublished = (await store.get(manifestKey)) !== null;
  if (!alreadyPublished) {
    await Promise.all(blobs.map(({ entry, bytes }) => store.put(storeKeys.blob(version, entry.name), bytes)));
    try {
      await store.putIfMatch(manifestKey, stored, null);
    } catch (error) {
      // Someone published the same version meanwhile: same id, same bytes, nothing to do.
      if (!(error instanceof ConflictError)) throw error;
      alreadyPublished = true;
    }
  }
  const bytes = stored.byteLength + blobs.reduce((sum, { bytes }) => sum + bytes.byteLength, 0);
  if (options.tag === undefined) return { version, alreadyPublished, bytes };
  const tag = await moveTag(store, { tag: options.tag, version, percent: options.percent, updatedBy: options.updatedBy ?? 'unknown', now: options.now });
  return { version, alreadyPublished, bytes, tag };
}
