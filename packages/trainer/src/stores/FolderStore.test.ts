import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, encodeUtf8 } from '@candlecast/shared/artifact';
import { artifactStoreContract } from '@candlecast/shared/artifact/testing';
import { describe, expect, it } from 'vitest';
import { FolderStore } from './FolderStore';

const freshRoot = () => mkdtempSync(join(tmpdir(), 'candlecast-folder-'));

artifactStoreContract('FolderStore', async () => new FolderStore(join(freshRoot(), 'store')));

describe('FolderStore', () => {
  it('two store instances (as two processes would) swapping one pointer: one wins', async () => {
    const root = freshRoot();
    const [first, second] = [new FolderStore(root), new FolderStore(root)];
    const etag = await first.putIfMatch('tags/stable/pointer.json', encodeUtf8('v0'), null);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? first : second).putIfMatch('tags/stable/pointer.json', encodeUtf8(`v${i + 1}`), etag)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConflictError);
    // No lock or temporary file is left behind.
    expect(readdirSync(join(root, 'tags', 'stable'))).toEqual(['pointer.json']);
  });

  it('never lists its temporary and lock files, and refuses keys that would escape the root', async () => {
    const root = freshRoot();
    const store = new FolderStore(root);
    await store.put('versions/a/manifest.json', encodeUtf8('{}'));
    writeFileSync(join(root, 'versions', 'a', '.manifest.json.123.tmp'), 'partial');
    writeFileSync(join(root, 'versions', 'a', '.pointer.json.lock'), '1');
    expect((await store.list('')).map((o) => o.key)).toEqual(['versions/a/manifest.json']);
    await expect(store.get('../outside')).rejects.toThrow(/must be non-empty and not start with "."/);
    await expect(store.put('a//b', Uint8Array.of(1))).rejects.toThrow(/must be non-empty/);
  });

  it('waits for a held lock and fails clearly when it is never released', async () => {
    const root = freshRoot();
    const store = new FolderStore(root);
    await store.put('tags/x/pointer.json', encodeUtf8('a'));
    writeFileSync(join(root, 'tags', 'x', '.pointer.json.lock'), 'held by a live process');
    const { withLockFile } = await import('./withLockFile');
    await expect(withLockFile(join(root, 'tags', 'x', '.pointer.json.lock'), async () => 1, { timeoutMs: 50 })).rejects.toThrow(/has been held for 50 ms/);
    // A stale lock (left by a crash) is taken over.
    await expect(withLockFile(join(root, 'tags', 'x', '.pointer.json.lock'), async () => 'ran', { staleMs: -1 })).resolves.toBe('ran');
  });

  it('removes folders a delete leaves empty', async () => {
    const root = freshRoot();
    const store = new FolderStore(root);
    await store.put('versions/v1/blobs/a.bin', Uint8Array.of(1));
    await store.delete('versions/v1/blobs/a.bin');
    expect(readdirSync(root)).toEqual([]);
  });
});
