import type { SignalModel } from '../engine/SignalModel';
import type { ArtifactSource, TagPointer } from './ArtifactSource';

export interface RegistryOptions {
  /** How long a tag pointer is trusted before it is re-read. Default 30 s. */
  ttlMs?: number;
  now?: () => number;
}

/** What the registry knows about one tag. */
export interface TagState {
  tag: string;
  model: SignalModel | null;
  pointer: TagPointer | null;
  checkedAt: number;
  /** The last storage or load failure, while an older model keeps serving. */
  error: string | null;
}

/**
 * Keeps the current model of each tag for this isolate. A pointer is re-read once its TTL has run
 * out; a new version is loaded and verified completely before it replaces the old one; when storage
 * fails the last good model keeps serving and the failure is reported (readyz, response header).
 * Concurrent requests share one refresh.
 */
export class ModelRegistry {
  private readonly states = new Map<string, TagState>();
  private readonly refreshing = new Map<string, Promise<TagState>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly source: ArtifactSource,
    options: RegistryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** The tag's state, refreshed first if its pointer is older than the TTL. */
  async get(tag: string): Promise<TagState> {
    const state = this.states.get(tag);
    if (state && this.now() - state.checkedAt < this.ttlMs) return state;
    let pending = this.refreshing.get(tag);
    if (!pending) {
      pending = this.refresh(tag).finally(() => this.refreshing.delete(tag));
      this.refreshing.set(tag, pending);
    }
    return pending;
  }

  /** Every tag seen so far, as last known (no refresh). */
  snapshot(): TagState[] {
    return [...this.states.values()];
  }

  private async refresh(tag: string): Promise<TagState> {
    const previous = this.states.get(tag) ?? { tag, model: null, pointer: null, checkedAt: 0, error: null };
    let next: TagState;
    try {
      const pointer = await this.source.resolveTag(tag);
      if (pointer === null) {
        next = { tag, model: null, pointer: null, checkedAt: this.now(), error: null };
      } else if (previous.model && previous.model.version === pointer.version) {
        next = { ...previous, pointer, checkedAt: this.now(), error: null };
      } else {
        const model = await this.source.load(pointer.version);
        next = { tag, model, pointer, checkedAt: this.now(), error: null };
      }
    } catch (error) {
      // Keep serving what we had; retry after the TTL rather than hammering failing storage.
      next = { ...previous, checkedAt: this.now(), error: error instanceof Error ? error.message : String(error) };
    }
    this.states.set(tag, next);
    return next;
  }
}
