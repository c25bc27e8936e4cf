import { CandlecastError } from '../errors/CandlecastError';
import type { ArtifactStore } from './ArtifactStore';
import { ConflictError } from './ConflictError';
import { readTag, type TagState } from './readTag';
import { isVersion, storeKeys } from './storeKeys';
import type { TagHistoryEntry, TagPointer } from './TagPointer';
import { encodeUtf8 } from './utf8';

/** A request to point a tag at a version. */
export interface TagMove {
  tag: string;
  version: string;
  updatedBy: string;
  /** Canary traffic share, 0-100. */
  percent?: number;
  /** The pointer's `previous` (null: none); by default the version the tag pointed at until now. */
  previous?: string | null;
  action?: TagHistoryEntry['action'];
  now?: Date;
}

/**
 * Points a tag at a published version by compare-and-swap, then appends the change to the tag's
 * history. The swap is against `expected`, the state the caller read (null: the tag must not
 * exist yet), or by default against the pointer as read here. Of two concurrent moves one wins;
 * the other rejects with ConflictError and changes nothing. A version without a manifest cannot
 * be tagged.
 */
export async function moveTag(store: ArtifactStore, move: TagMove, expected?: TagState | null): Promise<TagState> {
  const key = storeKeys.tagPointer(move.tag);
  if (move.percent !== undefined && !(move.percent >= 0 && move.percent <= 100)) {
    throw new CandlecastError('invalid_percent', `percent must be from 0 to 100, got ${move.percent}`);
  }
  if (!isVersion(move.version)) throw new CandlecastError('invalid_version', `a version is 64 lowercase hex digits, got "${move.version}"`);
  if (!(await store.get(storeKeys.manifest(move.version)))) {
    throw new CandlecastError('version_not_found', `version ${move.version} is not published in ${store.description}`);
  }
  const current = expected === undefined ? await readTag(store, move.tag) : expected;
  const before = current?.pointer;
  // Re-pointing at the same version (say, to change the canary percent) keeps the rollback target.
  const previous =
    move.previous !== undefined ? (move.previous ?? undefined) : before && before.version !== move.version ? before.version : before?.previous;
  const pointer: TagPointer = {
    tag: move.tag,
    version: move.version,
    updatedAt: (move.now ?? new Date()).toISOString(),
    updatedBy: move.updatedBy,
    ...(move.percent !== undefined ? { percent: move.percent } : {}),
    ...(previous !== undefined ? { previous } : {}),
  };
  let newEtag: string;
  try {
    newEtag = await store.putIfMatch(key, jsonBytes(pointer), current?.etag ?? null);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    throw new ConflictError(key, `tag "${move.tag}" was changed by someone else since it was read; nothing was changed, check it and retry`);
  }
  const entry: TagHistoryEntry = { ...pointer, action: move.action ?? 'move' };
  await store.put(storeKeys.tagHistoryEntry(move.tag, pointer.updatedAt, move.version), jsonBytes(entry));
  return { pointer, etag: newEtag };
}

function jsonBytes(value: unknown): Uint8Array {
  return encodeUtf8(`${JSON.stringify(value, null, 2)}\n`);
}
