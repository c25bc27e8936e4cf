import { CandlecastError } from '../errors/CandlecastError';
import type { ArtifactStore } from './ArtifactStore';
import { moveTag } from './moveTag';
import { readTag, readTagHistory, type TagState } from './readTag';

/**
 * Moves a tag back to its `previous` version (compare-and-swap against the pointer read here).
 * The new pointer's own `previous` is taken from the history entry that last made that version
 * current, so repeated rollbacks walk back through the tag's history instead of flipping between
 * two versions; the canary percent comes back with it.
 */
export async function rollbackTag(store: ArtifactStore, tag: string, updatedBy: string, now?: Date): Promise<TagState> {
  const state = await readTag(store, tag);
  if (!state) throw new CandlecastError('tag_not_found', `tag "${tag}" does not exist in ${store.description}`);
  const target = state.pointer.previous;
  if (target === undefined) {
    throw new CandlecastError('nothing_to_roll_back', `tag "${tag}" has no previous version to roll back to (it points at ${state.pointer.version})`);
  }
  const history = await readTagHistory(store, tag);
  const currentSince = Date.parse(state.pointer.updatedAt);
  const whenCurrent = history.filter((entry) => entry.version === target && Date.parse(entry.updatedAt) <= currentSince).at(-1);
  return moveTag(
    store,
    {
      tag,
      version: target,
      updatedBy,
      percent: whenCurrent ? whenCurrent.percent : state.pointer.percent,
      previous: whenCurrent?.previous ?? null,
      action: 'rollback',
      now,
    },
    state,
  );
}
