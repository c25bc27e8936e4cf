import { CandlecastError } from '../errors/CandlecastError';
import type { ArtifactManifest } from './ArtifactManifest';
import type { ArtifactStore, ObjectInfo } from './ArtifactStore';
import { parseManifest } from './parseManifest';
import { isVersion, storeKeys } from './storeKeys';

/** The objects stored under one version id; `complete` once its manifest exists. */
export interface VersionObjects {
  version: string;
  objects: ObjectInfo[];
  complete: boolean;
}

/** A published version as listings show it. */
export interface VersionSummary {
  version: string;
  /** The manifest's createdAt; for an unreadable manifest, its upload time. */
  createdAt: string;
  /** Bytes of all its objects. */
  bytes: number;
  /** Null when the manifest does not parse or validate; `problem` says why. */
  manifest: ArtifactManifest | null;
  problem?: string;
}

/** Groups every object under `versions/` by version id, complete or not. */
export async function scanVersions(store: ArtifactStore): Promise<VersionObjects[]> {
  const groups = new Map<string, VersionObjects>();
  for (const object of await store.list(storeKeys.versionsPrefix)) {
    const version = object.key.split('/')[1];
    if (!isVersion(version)) continue;
    const group = groups.get(version) ?? { version, objects: [], complete: false };
    group.objects.push(object);
    if (object.key === storeKeys.manifest(version)) group.complete = true;
    groups.set(version, group);
  }
  return [...groups.values()];
}

/** Published versions (those with a manifest), newest first. Half-published ones are not listed. */
export async function listVersions(store: ArtifactStore): Promise<VersionSummary[]> {
  const complete = (await scanVersions(store)).filter((group) => group.complete);
  const summaries = await Promise.all(
    complete.map(async ({ version, objects }): Promise<VersionSummary> => {
      const bytes = objects.reduce((sum, object) => sum + object.size, 0);
      const uploaded = new Date(Math.max(...objects.map((o) => o.uploaded))).toISOString();
      const stored = await store.get(storeKeys.manifest(version));
      if (!stored) return { version, createdAt: uploaded, bytes, manifest: null, problem: 'manifest deleted while listing' };
      try {
        const manifest = parseManifest(stored.bytes, version);
        return { version, createdAt: manifest.createdAt, bytes, manifest };
      } catch (error) {
        return { version, createdAt: uploaded, bytes, manifest: null, problem: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return summaries.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.version < b.version ? -1 : 1));
}

/** The full version id for a full id or a unique prefix of at least 4 hex digits. */
export async function resolveVersion(store: ArtifactStore, reference: string): Promise<string> {
  if (!/^[0-9a-f]{4,64}$/.test(reference)) {
    throw new CandlecastError('invalid_version', `a version is 4 to 64 lowercase hex digits (a prefix is enough), got "${reference}"`);
  }
  const matches = (await scanVersions(store)).filter((group) => group.complete && group.version.startsWith(reference));
  if (matches.length === 0) throw new CandlecastError('version_not_found', `no published version starts with "${reference}" in ${store.description}`);
  if (matches.length > 1) {
    throw new CandlecastError('ambiguous_version', `"${reference}" matches ${matches.length} versions (${matches.map((m) => m.version.slice(0, 12)).join(', ')}); give more digits`);
  }
  return matches[0].version;
}
