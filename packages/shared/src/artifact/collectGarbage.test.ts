import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collectGarbage';
import { listVersions } from './listVersions';
import { MemoryStore } from './MemoryStore';
import { moveTag } from './moveTag';
import { packArtifact } from './packArtifact';
import { publishArtifact } from './publishArtifact';
import { storeKeys } from './storeKeys';
import { sampleArtifactDraft } from './testing/sampleArtifactDraft';

/** Six versions created a day apart: v[0] oldest. */
async function storeWithSixVersions() {
  const store = new MemoryStore();
  const versions: string[] = [];
  for (let day = 1; day <= 6; day++) {
    const packed = packArtifact(sampleArtifactDraft(day, new Date(Date.UTC(2024, 2, day)).toISOString()));
    await publishArtifact(store, packed);
    versions.push(packed.version);
  }
  return { store, versions };
}

describe('collectGarbage', () => {
  it('keeps the newest N, every tagged version and every rollback target; deletes the rest whole', async () => {
    const { store, versions: v } = await storeWithSixVersions();
    await moveTag(store, { tag: 'stable', version: v[0], updatedBy: 'ci' });
    await moveTag(store, { tag: 'stable', version: v[1], updatedBy: 'ci' });
    await moveTag(store, { tag: 'canary', version: v[3], updatedBy: 'ci', percent: 10 });
    const result = await collectGarbage(store, { keep: 1 });
    expect(new Map(result.kept.map((k) => [k.version, k.reasons]))).toEqual(
      new Map([
        [v[5], ['newest 1 of 1']],
        [v[3], ['tag canary']],
        [v[1], ['tag stable']],
        [v[0], ['rollback target of stable']],
      ]),
    );
    expect(result.deleted.sort()).toEqual([v[2], v[4]].sort());
    expect(result.bytesFreed).toBeGreaterThan(1000);
    expect((await listVersions(store)).map((s) => s.version)).toEqual([v[5], v[3], v[1], v[0]]);
    expect(await store.list(storeKeys.versionPrefix(v[2]))).toEqual([]);
  });

  it('deletes nothing in a dry run', async () => {
    const { store } = await storeWithSixVersions();
    const result = await collectGarbage(store, { keep: 2, dryRun: true });
    expect(result.deleted).toHaveLength(4);
    expect(await listVersions(store)).toHaveLength(6);
  });

  it('removes the blobs of an interrupted publish only after the grace period', async () => {
    const store = new MemoryStore();
    const packed = packArtifact(sampleArtifactDraft(9));
    for (const [name, bytes] of packed.blobs) await store.put(storeKeys.blob(packed.version, name), bytes);
    expect((await collectGarbage(store, { keep: 0 })).incomplete).toEqual([]);
    const later = await collectGarbage(store, { keep: 0, now: Date.now() + 2 * 3_600_000 });
    expect(later.incomplete).toEqual([packed.version]);
    expect(await store.list('versions/')).toEqual([]);
  });
});
