import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeUtf8 } from '@candlecast/shared/artifact';
import { artifactStoreContract } from '@candlecast/shared/artifact/testing';
import { describe, expect, it } from 'vitest';
import { openStore } from './openStore';
import { R2LocalStore } from './R2LocalStore';

const freshPersistDir = () => mkdtempSync(join(tmpdir(), 'candlecast-r2-'));

// Real Miniflare R2 (workerd) with conditional puts: proves compare-and-swap on the R2 code path.
artifactStoreContract('R2LocalStore (Miniflare R2 from Node)', () => R2LocalStore.open(freshPersistDir(), 'candlecast-models'));

describe('R2LocalStore', () => {
  it('persists under <persist-to>/v3/r2 by bucket name, where a later process (or wrangler dev) finds it', async () => {
    const persistTo = freshPersistDir();
    const writer = await openStore(`r2-local://${persistTo}/candlecast-models`);
    expect(writer.description).toBe(`r2-local://${persistTo}/candlecast-models`);
    await writer.put('tags/stable/pointer.json', encodeUtf8('{"v":1}'));
    await writer.close?.();
    const reader = await R2LocalStore.open(persistTo, 'candlecast-models');
    const other = await R2LocalStore.open(persistTo, 'another-bucket');
    try {
      expect((await reader.get('tags/stable/pointer.json'))?.bytes).toEqual(encodeUtf8('{"v":1}'));
      expect(await other.get('tags/stable/pointer.json')).toBeNull();
    } finally {
      await reader.close();
      await other.close();
    }
  });
});
