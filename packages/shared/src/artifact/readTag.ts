import { CandlecastError } from '../errors/CandlecastError';
import type { ArtifactStore } from './ArtifactStore';
import { storeKeys } from './storeKeys';
import { validateTagPointer, type TagHistoryEntry, type TagPointer } from './TagPointer';
import { decodeUtf8 } from './utf8';

/** A tag pointer with the etag to compare-and-swap against. */
export interface TagState {
  pointer: TagPointer;
  etag: string;
}

/** The tag's pointer and etag, or null when the tag does not exist. */
export async function readTag(store: ArtifactStore, tag: string): Promise<TagState | null> {
  const key = storeKeys.tagPointer(tag);
  const object = await store.get(key);
  return object ? { pointer: parseStoredJson(object.bytes, key, validateTagPointer), etag: object.etag } : null;
}

/** Every tag's pointer, by tag name. */
export async function listTags(store: ArtifactStore): Promise<TagPointer[]> {
  const keys = (await store.list(storeKeys.tagsPrefix)).map((o) => o.key).filter((key) => /^tags\/[^/]+\/pointer\.json$/.test(key));
  const tags = await Promise.all(keys.map((key) => readTag(store, key.split('/')[1])));
  return tags.filter((state): state is TagState => state !== null).map((state) => state.pointer);
}

/** A tag's pointer changes, oldest first. */
export async function readTagHistory(store: ArtifactStore, tag: string): Promise<TagHistoryEntry[]> {
  const keys = (await store.list(storeKeys.tagHistoryPrefix(tag))).map((o) => o.key);
  const entries = await Promise.all(
    keys.map(async (key) => {
      const object = await store.get(key);
      return object ? (parseStoredJson(object.bytes, key, validateTagPointer) as TagHistoryEntry) : null;
    }),
  );
  return entries.filter((entry): entry is TagHistoryEntry => entry !== null);
}

/** Parses a stored JSON document; unparseable bytes name the key. */
export function parseStoredJson<T>(bytes: Uint8Array, key: string, validate: (value: unknown, document: string) => T): T {
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes));
  } catch {
    throw new CandlecastError('invalid_stored_json', `${key} is not UTF-8 JSON`);
  }
  return validate(json, key);
}
