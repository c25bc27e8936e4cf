import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CandlecastError } from '@candlecast/shared';
import { ConflictError, type ArtifactStore, type ObjectInfo, type StoredObject } from '@candlecast/shared/artifact';
import { withLockFile } from './withLockFile';

/**
 * An ArtifactStore in a local folder (the default, `.candlecast/store`): key `a/b.bin` is file
 * `<root>/a/b.bin`. Writes go to a temporary file that is renamed over the target, so a reader never
 * sees half a file. The etag is the content's sha256; `putIfMatch` compares it under an exclusive
 * lock file (created with O_EXCL), so of two processes swapping the same pointer only one wins.
 * Names starting with "." are the store's own temporary and lock files and are never listed.
 */
export class FolderStore implements ArtifactStore {
  readonly description: string;

  constructor(readonly root: string) {
    this.description = pathToFileURL(root).href;
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const bytes = new Uint8Array(await readFile(this.path(key)));
      return { bytes, etag: etagOf(bytes) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await writeAtomically(this.path(key), bytes);
  }

  async putIfMatch(key: string, bytes: Uint8Array, etag: string | null): Promise<string> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    return withLockFile(join(dirname(path), `.${key.split('/').pop()}.lock`), async () => {
      const current = await this.get(key);
      if (etag === null ? current !== null : current?.etag !== etag) throw new ConflictError(key);
      await writeAtomically(path, bytes);
      return etagOf(bytes);
    });
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    // Walk only the deepest folder the prefix fully names.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    const found: ObjectInfo[] = [];
    await this.walk(folder === '' ? this.root : this.path(folder), found);
    return found.filter((o) => o.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(key: string): Promise<void> {
    const path = this.path(key);
    try {
      await unlink(path);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    // Remove folders the delete emptied (a deleted version leaves none behind).
    for (let dir = dirname(path); dir.startsWith(this.root + sep); dir = dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        break;
      }
    }
  }

  private async walk(dir: string, found: ObjectInfo[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await this.walk(path, found);
      else if (entry.isFile()) {
        const info = await stat(path);
        found.push({ key: relative(this.root, path).split(sep).join('/'), size: info.size, uploaded: info.mtimeMs });
      }
    }
  }

  private path(key: string): string {
    const segments = key.split('/');
    if (segments.some((s) => s === '' || s.startsWith('.') || s.includes('\\'))) {
      throw new CandlecastError('invalid_key', `store key segments must be non-empty and not start with ".", got "${key}"`);
    }
    return join(this.root, ...segments);
  }
}

/** Writes to a temporary sibling, flushes it, then renames it over the target (atomic on POSIX). */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${path.split(sep).pop()}.${randomUUID()}.tmp`);
  const file = await open(temporary, 'wx');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function etagOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
