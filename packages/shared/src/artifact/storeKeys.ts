import { CandlecastError } from '../errors/CandlecastError';

/**
 * The key layout of a store:
 *
 *     versions/<version>/blobs/<blob>         immutable tensor bytes, written first
 *     versions/<version>/manifest.json        written last: a version exists once this exists
 *     tags/<tag>/pointer.json                 the tag's current version (compare-and-swap)
 *     tags/<tag>/history/<time>-<version>.json  one per pointer change, append-only
 */
export const storeKeys = {
  versionsPrefix: 'versions/',
  tagsPrefix: 'tags/',
  versionPrefix: (version: string) => `versions/${version}/`,
  manifest: (version: string) => `versions/${version}/manifest.json`,
  blob: (version: string, blob: string) => `versions/${version}/blobs/${blob}`,
  tagPointer: (tag: string) => `tags/${checkTagName(tag)}/pointer.json`,
  tagHistoryPrefix: (tag: string) => `tags/${checkTagName(tag)}/history/`,
  tagHistoryEntry: (tag: string, updatedAt: string, version: string) =>
    `tags/${checkTagName(tag)}/history/${updatedAt.replace(/[-:]/g, '')}-${version}.json`,
};

const TAG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const VERSION = /^[0-9a-f]{64}$/;

/** A tag name is 1-63 letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
export function checkTagName(tag: string): string {
  if (!TAG_NAME.test(tag)) {
    throw new CandlecastError('invalid_tag', `tag must be 1-63 letters, digits, ".", "_" or "-", got "${tag}"`);
  }
  return tag;
}

/** True for a full version id: 64 lowercase hex digits. */
export function isVersion(value: string): boolean {
  return VERSION.test(value);
}
