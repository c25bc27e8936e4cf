import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from './ConflictError';
import { MemoryStore } from './MemoryStore';
import { moveTag } from './moveTag';
import { packArtifact } from './packArtifact';
import { publishArtifact } from './publishArtifact';
import { listTags, readTag, readTagHistory } from './readTag';
import { rollbackTag } from './rollbackTag';
import { storeKeys } from './storeKeys';
import { sampleArtifactDraft } from './testing/sampleArtifactDraft';
import { encodeUtf8 } from './utf8';

const [a, b, c] = [1, 2, 3].map((seed) => packArtifact(sampleArtifactDraft(seed)).version);
const at = (minute: number) => new Date(Date.UTC(2024, 2, 1, 0, minute));

describe('tags', () => {
  let store: MemoryStore;
  beforeEach(async () => {
    store = new MemoryStore();
    for (const seed of [1, 2, 3]) await publishArtifact(store, packArtifact(sampleArtifactDraft(seed)));
  });

  it('points a tag at a version, remembers the previous one, and logs every change', async () => {
    await moveTag(store, { tag: 'stable', version: a, updatedBy: 'ci', now: at(1) });
    const moved = await moveTag(store, { tag: 'stable', version: b, updatedBy: 'alice', now: at(2) });
    expect(moved.pointer).toEqual({ tag: 'stable', version: b, updatedAt: at(2).toISOString(), updatedBy: 'alice', previous: a });
    expect(await readTag(store, 'stable')).toEqual(moved);
    expect((await readTagHistory(store, 'stable')).map((e) => [e.version, e.action])).toEqual([[a, 'move'], [b, 'move']]);
    expect(await store.list(storeKeys.tagHistoryPrefix('stable'))).toHaveLength(2);
    expect((await listTags(store)).map((p) => p.tag)).toEqual(['stable']);
  });

  it('keeps the rollback target when only the canary percent changes', async () => {
    await moveTag(store, { tag: 'canary', version: a, updatedBy: 'ci', percent: 5, now: at(1) });
    await moveTag(store, { tag: 'canary', version: b, updatedBy: 'ci', percent: 5, now: at(2) });
    const widened = await moveTag(store, { tag: 'canary', version: b, updatedBy: 'ci', percent: 50, now: at(3) });
    expect(widened.pointer).toMatchObject({ version: b, percent: 50, previous: a });
  });

  it('rolls back through the history, not back and forth, restoring the percent', async () => {
    await moveTag(store, { tag: 'canary', version: a, updatedBy: 'ci', percent: 10, now: at(1) });
    await moveTag(store, { tag: 'canary', version: b, updatedBy: 'ci', percent: 20, now: at(2) });
    await moveTag(store, { tag: 'canary', version: c, updatedBy: 'ci', percent: 30, now: at(3) });
    const first = await rollbackTag(store, 'canary', 'oncall', at(4));
    expect(first.pointer).toMatchObject({ version: b, percent: 20, previous: a, updatedBy: 'oncall' });
    const second = await rollbackTag(store, 'canary', 'oncall', at(5));
    expect(second.pointer).toMatchObject({ version: a, percent: 10 });
    expect(second.pointer.previous).toBeUndefined();
    await expect(rollbackTag(store, 'canary', 'oncall', at(6))).rejects.toThrow(/has no previous version/);
    expect((await readTagHistory(store, 'canary')).map((e) => e.action)).toEqual(['move', 'move', 'move', 'rollback', 'rollback']);
  });

  it('a rollback that races a promotion loses with ConflictError and changes nothing', async () => {
    await moveTag(store, { tag: 'stable', version: a, updatedBy: 'ci' });
    const read = await readTag(store, 'stable');
    await moveTag(store, { tag: 'stable', version: b, updatedBy: 'ci' });
    await expect(moveTag(store, { tag: 'stable', version: c, updatedBy: 'late' }, read)).rejects.toBeInstanceOf(ConflictError);
    await expect(moveTag(store, { tag: 'stable', version: c, updatedBy: 'late' }, read)).rejects.toThrow(/tag "stable" was changed by someone else/);
    expect((await readTag(store, 'stable'))?.pointer.version).toBe(b);
  });

  it('refuses unpublished versions, bad tag names, percentages and malformed pointers', async () => {
    await expect(moveTag(store, { tag: 'stable', version: 'f'.repeat(64), updatedBy: 'ci' })).rejects.toThrow(/is not published/);
    await expect(moveTag(store, { tag: '../x', version: a, updatedBy: 'ci' })).rejects.toThrow(/tag must be 1-63 letters/);
    await expect(moveTag(store, { tag: 'canary', version: a, updatedBy: 'ci', percent: 101 })).rejects.toThrow(/percent must be from 0 to 100/);
    await expect(rollbackTag(store, 'nope', 'ci')).rejects.toThrow(/tag "nope" does not exist/);
    await store.put(storeKeys.tagPointer('stable'), encodeUtf8('{"tag":"stable","version":"abc","updatedAt":"2024-01-01T00:00:00Z","updatedBy":"x"}'));
    await expect(readTag(store, 'stable')).rejects.toThrow('tags/stable/pointer.json field "version" must be 64 lowercase hex digits, got "abc"');
  });
});
