import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArtifactStore } from '../ArtifactStore';
import { ArtifactIntegrityError } from '../ArtifactIntegrityError';
import { ConflictError } from '../ConflictError';
import { listVersions } from '../listVersions';
import { loadArtifact } from '../loadArtifact';
import { moveTag } from '../moveTag';
import { packArtifact } from '../packArtifact';
import { publishArtifact } from '../publishArtifact';
import { readTag } from '../readTag';
import { storeKeys } from '../storeKeys';
import { encodeUtf8 } from '../utf8';
import { sampleArtifactDraft } from './sampleArtifactDraft';

export interface ContractOptions {
  /**
   * False for a server that ignores conditional writes (s3rver): the compare-and-swap checks are
   * left to the test that states that gap, the rest still runs.
   */
  enforcesConditionalWrites?: boolean;
}

/**
 * What every ArtifactStore must do, run against a real instance: byte round trips, listing by
 * prefix, deletes, compare-and-swap with one winner among concurrent writers, and the artifact
 * protocol on top (publish, load, corruption and truncation detected, half-published invisible).
 * `open` gets a fresh, empty store; `close` is called once at the end.
 */
export function artifactStoreContract(name: string, open: () => Promise<ArtifactStore>, options: ContractOptions = {}): void {
  describe(`${name} (ArtifactStore contract)`, () => {
    let store: ArtifactStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close?.();
    });

    it('round-trips bytes, lists by prefix in key order, deletes', async () => {
      const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
      await store.put('c/b/two.bin', bytes);
      await store.put('c/a/one.bin', Uint8Array.of(1));
      await store.put('c/a/zero.bin', new Uint8Array(0));
      await store.put('cx/other.bin', Uint8Array.of(2));
      const read = await store.get('c/b/two.bin');
      expect(read?.bytes).toEqual(bytes);
      expect(read?.etag).toEqual(expect.any(String));
      expect((await store.get('c/a/zero.bin'))?.bytes.byteLength).toBe(0);
      expect(await store.get('c/missing.bin')).toBeNull();
      const listed = await store.list('c/');
      expect(listed.map((o) => o.key)).toEqual(['c/a/one.bin', 'c/a/zero.bin', 'c/b/two.bin']);
      expect(listed.map((o) => o.size)).toEqual([1, 0, 70_000]);
      expect(listed[0].uploaded).toBeGreaterThan(Date.parse('2020-01-01'));
      await store.put('c/a/one.bin', Uint8Array.of(7, 7));
      expect((await store.get('c/a/one.bin'))?.bytes).toEqual(Uint8Array.of(7, 7));
      await store.delete('c/a/one.bin');
      await store.delete('c/a/never-existed.bin');
      expect(await store.get('c/a/one.bin')).toBeNull();
      expect((await store.list('c/a/')).map((o) => o.key)).toEqual(['c/a/zero.bin']);
    });

    if (options.enforcesConditionalWrites !== false) {
      it('compare-and-swap: create only if absent, replace only the etag read', async () => {
        const first = await store.putIfMatch('cas/pointer.json', encodeUtf8('1'), null);
        await expect(store.putIfMatch('cas/pointer.json', encodeUtf8('x'), null)).rejects.toBeInstanceOf(ConflictError);
        const second = await store.putIfMatch('cas/pointer.json', encodeUtf8('2'), first);
        expect(second).not.toBe(first);
        await expect(store.putIfMatch('cas/pointer.json', encodeUtf8('x'), first)).rejects.toBeInstanceOf(ConflictError);
        const read = await store.get('cas/pointer.json');
        expect(read).toEqual({ bytes: encodeUtf8('2'), etag: second });
      });

      it('of two concurrent writers with the same etag, exactly one wins', async () => {
        const start = await store.putIfMatch('race/pointer.json', encodeUtf8('start'), null);
        const outcomes = await Promise.allSettled([
          store.putIfMatch('race/pointer.json', encodeUtf8('writer A'), start),
          store.putIfMatch('race/pointer.json', encodeUtf8('writer B'), start),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toBeInstanceOf(ConflictError);
        const winner = outcomes[0].status === 'fulfilled' ? 'writer A' : 'writer B';
        expect((await store.get('race/pointer.json'))?.bytes).toEqual(encodeUtf8(winner));
      });

      it('two concurrent tag moves from the same state: one wins, the other gets ConflictError', async () => {
        const a = packArtifact(sampleArtifactDraft(11));
        const b = packArtifact(sampleArtifactDraft(12));
        await publishArtifact(store, a);
        await publishArtifact(store, b);
        const outcomes = await Promise.allSettled([
          moveTag(store, { tag: 'stable', version: a.version, updatedBy: 'one' }, null),
          moveTag(store, { tag: 'stable', version: b.version, updatedBy: 'two' }, null),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(lost?.reason).toBeInstanceOf(ConflictError);
        const winner = outcomes[0].status === 'fulfilled' ? a.version : b.version;
        expect((await readTag(store, 'stable'))?.pointer.version).toBe(winner);
      });
    }

    it('publishes and loads an artifact bit-exactly', async () => {
      const packed = packArtifact(sampleArtifactDraft(21));
      const published = await publishArtifact(store, packed, { tag: 'canary', percent: 10, updatedBy: 'contract' });
      expect(published.alreadyPublished).toBe(false);
      const loaded = await loadArtifact(store, packed.version);
      expect(loaded.version).toBe(packed.version);
      expect(loaded.manifest).toEqual(packed.manifest);
      expect(loaded.models.forest.trees?.buffers.threshold).toEqual(Uint8Array.from([1, 2, 3, 4, 5]));
      expect((await readTag(store, 'canary'))?.pointer).toMatchObject({ version: packed.version, percent: 10, updatedBy: 'contract' });
      expect((await publishArtifact(store, packed)).alreadyPublished).toBe(true);
    });

    it('detects a corrupted blob and a truncated blob, naming the object and the version', async () => {
      const packed = packArtifact(sampleArtifactDraft(31));
      await publishArtifact(store, packed);
      const key = storeKeys.blob(packed.version, 'lstm.bin');
      const good = packed.blobs.get('lstm.bin')!;
      const flipped = good.slice();
      flipped[100] ^= 0x01;
      await store.put(key, flipped);
      const corrupt = await loadArtifact(store, packed.version).catch((error: unknown) => error);
      expect(corrupt).toBeInstanceOf(ArtifactIntegrityError);
      expect(corrupt).toMatchObject({ object: 'lstm.bin', version: packed.version });
      expect(String(corrupt)).toMatch(new RegExp(`${packed.version.slice(0, 12)}: lstm\\.bin is corrupted`));
      await store.put(key, good.subarray(0, good.byteLength - 3));
      await expect(loadArtifact(store, packed.version)).rejects.toThrow(/lstm\.bin is truncated/);
    });

    it('a publish that dies after the blobs, before the manifest, leaves no visible version', async () => {
      const packed = packArtifact(sampleArtifactDraft(41));
      const before = (await listVersions(store)).map((v) => v.version);
      const crashing: ArtifactStore = {
        ...bind(store),
        putIfMatch: async () => {
          throw new Error('power cut');
        },
      };
      await expect(publishArtifact(crashing, packed, { tag: 'stable' })).rejects.toThrow('power cut');
      expect((await store.list(storeKeys.versionPrefix(packed.version))).length).toBe(2);
      expect((await listVersions(store)).map((v) => v.version)).toEqual(before);
      await expect(loadArtifact(store, packed.version)).rejects.toThrow(/not published/);
      await publishArtifact(store, packed);
      expect((await loadArtifact(store, packed.version)).version).toBe(packed.version);
    });
  });
}

/** The store's methods bound to it, so a test can override one. */
function bind(store: ArtifactStore): ArtifactStore {
  return {
    description: store.description,
    get: (key) => store.get(key),
    put: (key, bytes) => store.put(key, bytes),
    putIfMatch: (key, bytes, etag) => store.putIfMatch(key, bytes, etag),
    list: (prefix) => store.list(prefix),
    delete: (key) => store.delete(key),
  };
}
