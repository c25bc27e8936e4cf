import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** One configured key: a name for logs and rate limits, and the sha256 (hex) of the secret. */
export interface ApiKeyEntry {
  name: string;
  sha256: string;
}

/**
 * Parses the API_KEYS secret: comma-separated `name:sha256hex` pairs. Only hashes are stored, so a
 * leaked config does not leak keys. Make a hash with `candlecast apikey` or `printf %s "$KEY" | sha256sum`.
 */
export function parseApiKeys(raw: string | undefined): ApiKeyEntry[] {
  if (!raw || raw.trim() === '') return [];
  return raw.split(',').map((part, index) => {
    const [name, hash] = part.trim().split(':');
    if (!name || !/^[0-9a-f]{64}$/i.test(hash ?? '')) {
      throw new Error(`API_KEYS entry ${index + 1} must be name:<64 hex chars of sha256>, got "${part.trim().slice(0, 20)}…"`);
    }
    return { name, sha256: hash.toLowerCase() };
  });
}

/** sha256 hex of a presented key. */
export function hashApiKey(key: string): string {
  return bytesToHex(sha256(utf8ToBytes(key)));
}

/**
 * Finds the entry whose hash matches the presented key, comparing every entry in full and in
 * constant time so response timing says nothing about how close a guess was.
 */
export function matchApiKey(presented: string, entries: readonly ApiKeyEntry[]): ApiKeyEntry | null {
  const hash = hashApiKey(presented);
  let found: ApiKeyEntry | null = null;
  for (const entry of entries) {
    let difference = 0;
    for (let i = 0; i < 64; i++) difference |= hash.charCodeAt(i) ^ entry.sha256.charCodeAt(i);
    if (difference === 0) found = entry;
  }
  return found;
}
