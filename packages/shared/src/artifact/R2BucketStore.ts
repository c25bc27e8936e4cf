import type { ArtifactStore, ObjectInfo, StoredObject } from './ArtifactStore';
import { ConflictError } from './ConflictError';

/**
 * The part of the Workers R2Bucket binding the store uses. Workers' `R2Bucket` and Miniflare's
 * `getR2Bucket()` both satisfy it, so the edge and the trainer's local R2 share this code.
 */
export interface R2BucketLike {
  get(key: string): Promise<{ etag: string; arrayBuffer(): Promise<ArrayBuffer> } | null>;
  put(key: string, value: Uint8Array, options?: { onlyIf?: { etagMatches?: string; etagDoesNotMatch?: string } }): Promise<{ etag: string } | null>;
  list(options: { prefix?: string; cursor?: string }): Promise<{ objects: { key: string; size: number; uploaded: Date }[]; truncated: boolean; cursor?: string }>;
  delete(key: string): Promise<void>;
}

/**
 * An ArtifactStore over an R2 bucket, optionally under a key prefix. Compare-and-swap uses R2's
 * conditional put: `onlyIf: { etagDoesNotMatch: '*' }` creates only if absent, `{ etagMatches }`
 * replaces only the version read; R2 answers a failed condition with null, which becomes ConflictError.
 */
export class R2BucketStore implements ArtifactStore {
  private readonly prefix: string;

  constructor(
    private readonly bucket: R2BucketLike,
    prefix = '',
    readonly description = `r2://${prefix}`,
  ) {
    this.prefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  }

  async get(key: string): Promise<StoredObject | null> {
    const object = await this.bucket.get(this.prefix + key);
    return object ? { bytes: new Uint8Array(await object.arrayBuffer()), etag: object.etag } : null;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.bucket.put(this.prefix + key, bytes);
  }

  async putIfMatch(key: string, bytes: Uint8Array, etag: string | null): Promise<string> {
    const onlyIf = etag === null ? { etagDoesNotMatch: '*' } : { etagMatches: etag };
    const written = await this.bucket.put(this.prefix + key, bytes, { onlyIf });
    if (!written) throw new ConflictError(key);
    return written.etag;
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const found: ObjectInfo[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.bucket.list(cursor === undefined ? { prefix: this.prefix + prefix } : { prefix: this.prefix + prefix, cursor });
      for (const object of page.objects) {
        found.push({ key: object.key.slice(this.prefix.length), size: object.size, uploaded: object.uploaded.getTime() });
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor !== undefined);
    return found;
  }

  async delete(key: string): Promise<void> {
    await this.bucket.delete(this.prefix + key);
  }
}
