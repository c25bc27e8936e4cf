import { CandlecastError } from '../errors/CandlecastError';
import type { ArtifactStore } from './ArtifactStore';
import { listVersions, scanVersions } from './listVersions';
import { listTags } from './readTag';
import { storeKeys } from './storeKeys';
import type { TagPointer } from './TagPointer';

export interface GcOptions {
  /** How many of the newest versions to keep, tagged or not. */
  keep: number;
  /** Report what would be deleted, delete nothing. */
  dryRun?: boolean;
  /**
   * Objects of a version without a manifest (an interrupted or still running publish) are deleted
   * only once the newest of them is this old. Default one hour.
   */
  incompleteGraceMs?: number;
  now?: number;
}

export interface GcResult {
  kept: { version: string; reasons: string[] }[];
  /** Published versions deleted (or, in a dry run, that would be). */
  deleted: string[];
  /** Half-published versions whose objects were deleted. */
  incomplete: string[];
  bytesFreed: number;
}

/**
 * Deletes old versions. Kept: the newest `keep` versions by createdAt, every version a tag points
 * at, and every tag's `previous` (its rollback target). A version is deleted manifest first, so it
 * disappears at once and never shows as a partial version; then its blobs. Tags are read again
 * right before each deletion, so a version promoted meanwhile survives.
 */
export async function collectGarbage(store: ArtifactStore, options: GcOptions): Promise<GcResult> {
  if (!Number.isInteger(options.keep) || options.keep < 0) throw new CandlecastError('invalid_option', `keep must be an integer >= 0, got ${options.keep}`);
  const now = options.now ?? Date.now();
  const grace = options.incompleteGraceMs ?? 3_600_000;
  const reasons = new Map<string, string[]>();
  const because = (version: string, reason: string) => reasons.set(version, [...(reasons.get(version) ?? []), reason]);
  const versions = await listVersions(store);
  versions.slice(0, options.keep).forEach((summary, i) => because(summary.version, `newest ${i + 1} of ${options.keep}`));
  for (const [version, reason] of tagReasons(await listTags(store))) because(version, reason);

  const result: GcResult = { kept: [], deleted: [], incomplete: [], bytesFreed: 0 };
  for (const summary of versions) {
    const keptFor = reasons.get(summary.version);
    if (keptFor) {
      result.kept.push({ version: summary.version, reasons: keptFor });
      continue;
    }
    if (!options.dryRun) {
      const stillTagged = tagReasons(await listTags(store)).find(([version]) => version === summary.version);
      if (stillTagged) {
        result.kept.push({ version: summary.version, reasons: [stillTagged[1]] });
        continue;
      }
    }
    result.deleted.push(summary.version);
    result.bytesFreed += await deleteVersion(store, summary.version, options.dryRun);
  }
  for (const group of await scanVersions(store)) {
    if (group.complete || now - Math.max(...group.objects.map((o) => o.uploaded)) < grace) continue;
    result.incomplete.push(group.version);
    result.bytesFreed += await deleteVersion(store, group.version, options.dryRun);
  }
  return result;
}

function tagReasons(tags: TagPointer[]): [string, string][] {
  return tags.flatMap((pointer): [string, string][] => [
    [pointer.version, `tag ${pointer.tag}`],
    ...(pointer.previous ? ([[pointer.previous, `rollback target of ${pointer.tag}`]] as [string, string][]) : []),
  ]);
}

async function deleteVersion(store: ArtifactStore, version: string, dryRun = false): Promise<number> {
  const objects = await store.list(storeKeys.versionPrefix(version));
  const bytes = objects.reduce((sum, object) => sum + object.size, 0);
  if (dryRun) return bytes;
  const manifest = storeKeys.manifest(version);
  await store.delete(manifest);
  for (const object of objects) if (object.key !== manifest) await store.delete(object.key);
  return bytes;
}
