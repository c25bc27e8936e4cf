import type { SignalModel } from '../engine/SignalModel';

/** A tag pointer as the edge needs it. */
export interface TagPointer {
  version: string;
  /** Traffic share for a canary tag, 0-100. */
  percent?: number;
}

/**
 * Where the edge gets models from (R2 in Workers, a folder or S3 in Node). `load` must verify
 * checksums and fully build the model before resolving: the registry swaps only complete models.
 */
export interface ArtifactSource {
  resolveTag(tag: string): Promise<TagPointer | null>;
  load(version: string): Promise<SignalModel>;
}
