import { CandlecastError } from '../errors/CandlecastError';
import type { ArtifactStore } from './ArtifactStore';
import { readArtifact, type LoadedArtifact } from './readArtifact';
import { readTag } from './readTag';
import { storeKeys } from './storeKeys';

/** Loads and verifies a published version (see readArtifact); a version without a manifest does not exist. */
export async function loadArtifact(store: ArtifactStore, version: string): Promise<LoadedArtifact> {
  const manifest = await store.get(storeKeys.manifest(version));
  if (!manifest) throw new CandlecastError('version_not_found', `version ${version} is not published in ${store.description}`);
  return readArtifact(manifest.bytes, async (name) => (await store.get(storeKeys.blob(version, name)))?.bytes ?? null, version);
}

/** Resolves a tag to its pointer and loads the version it points at. */
export async function loadTaggedArtifact(store: ArtifactStore, tag: string): Promise<LoadedArtifact> {
  const state = await readTag(store, tag);
  if (!state) throw new CandlecastError('tag_not_found', `tag "${tag}" does not exist in ${store.description}`);
  return loadArtifact(store, state.pointer.version);
}
