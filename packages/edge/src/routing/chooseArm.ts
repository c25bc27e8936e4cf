import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

export type Arm = 'stable' | 'canary';

/**
 * Sticky traffic split: a client (API key or IP) always lands in the same bucket 0-99 for a given
 * salt, and goes to the canary when its bucket is below the canary's percent. Changing the salt
 * reshuffles who is in the canary.
 */
export function chooseArm(clientKey: string, canaryPercent: number, salt: string): Arm {
  if (!(canaryPercent > 0)) return 'stable';
  return bucketOf(clientKey, salt) < Math.min(100, canaryPercent) ? 'canary' : 'stable';
}

/** The client's bucket, 0-99, from the first 4 bytes of sha256(salt:key). */
export function bucketOf(clientKey: string, salt: string): number {
  const digest = sha256(utf8ToBytes(`${salt}:${clientKey}`));
  const value = ((digest[0] << 24) | (digest[1] << 16) | (digest[2] << 8) | digest[3]) >>> 0;
  return value % 100;
}
