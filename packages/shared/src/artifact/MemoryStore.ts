import type { ArtifactStore, ObjectInfo, StoredObject } from './ArtifactStore';
import { ConflictError } from './ConflictError';

/** An ArtifactStore in memory, for tests and for the edge's Node entry without a bucket. Copies bytes in and out. */
export class MemoryStore implements ArtifactStore {
  readonly description = 'memory://';
  private readonly objects = new Map<string, StoredObject & { uploaded: number }>();
  private writes = 0;

  async get(key: string): Promise<StoredObject | null> {
    const object = this.objects.get(key);
    return object ? { bytes: object.bytes.slice(), etag: object.etag } : null;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    this.write(key, bytes);
  }

  async putIfMatch(key: string, bytes: Uint8Array, etag: string | null): Promise<string> {
    const current = this.objects.get(key);
    if ((etag === null && current) || (etag !== null && current?.etag !== etag)) throw new ConflictError(key);
    return this.write(key, bytes);
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    return [...this.objects]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, object]) => ({ key, size: object.bytes.byteLength, uploaded: object.uploaded }));
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  private write(key: string, bytes: Uint8Array): string {
    const etag = `m${++this.writes}`;
    this.objects.set(key, { bytes: bytes.slice(), etag, uploaded: Date.now() });
    return etag;
  }
}
