/** An object read from a store, with the opaque etag that `putIfMatch` compares against. */
export interface StoredObject {
  bytes: Uint8Array;
  etag: string;
}

/** One entry of a listing. */
export interface ObjectInfo {
  key: string;
  /** Bytes. */
  size: number;
  /** Last write time, ms since the epoch. */
  uploaded: number;
}

/**
 * Where artifacts live: a flat key space of byte objects with `/`-separated keys relative to the
 * store's root (a folder, a bucket + prefix). Large immutable objects are written with `put`;
 * small mutable pointers (tags) only with `putIfMatch`, so that two writers cannot both win.
 * Implementations: MemoryStore and R2BucketStore here, FolderStore and S3Store in the trainer.
 */
export interface ArtifactStore {
  /** Where the store points, for messages, e.g. `file:///srv/models` or `s3://bucket/prefix`. */
  readonly description: string;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Writes (or replaces) an object; readers see the old or the new bytes, never a mix. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /**
   * Compare-and-swap: writes only if the object's current etag is `etag`, or, with `null`, only if
   * there is no object. Resolves to the new etag; rejects with ConflictError when the condition fails.
   */
  putIfMatch(key: string, bytes: Uint8Array, etag: string | null): Promise<string>;
  /** Every object whose key starts with `prefix`, in key order, all pages. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Deletes an object; deleting a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Releases connections or runtimes the store opened. */
  close?(): Promise<void>;
}
