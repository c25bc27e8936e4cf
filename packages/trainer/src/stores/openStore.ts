import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CandlecastError } from '@candlecast/shared';
import type { ArtifactStore } from '@candlecast/shared/artifact';
import { FolderStore } from './FolderStore';
import { parseS3Uri } from './parseS3Uri';
import { R2LocalStore } from './R2LocalStore';
import { S3Store } from './S3Store';

/** The store used when neither --store nor CANDLECAST_STORE says otherwise: a folder under the working directory. */
export const DEFAULT_STORE = '.candlecast/store';

/**
 * Opens a store from a URI:
 * - a plain path or `file:///abs/path`: a local folder (FolderStore);
 * - `s3://bucket/prefix?endpoint=...&region=...&forcePathStyle=true`: S3, R2 or MinIO (S3Store);
 * - `r2-local://<persist-to>/<bucket-name>`: the local R2 of `wrangler dev` (R2LocalStore), e.g.
 *   `r2-local://.wrangler/state/candlecast-models`; an absolute path has three slashes.
 * Close it with `store.close?.()` when done.
 */
export async function openStore(uri: string, env: Record<string, string | undefined> = process.env): Promise<ArtifactStore> {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined) return new FolderStore(resolve(uri));
  if (scheme === 'file') return new FolderStore(fileURLToPath(uri));
  if (scheme === 's3') return new S3Store(parseS3Uri(uri, env));
  if (scheme === 'r2-local') {
    const rest = uri.slice('r2-local://'.length).replace(/\/+$/, '');
    const slash = rest.lastIndexOf('/');
    if (slash <= 0 || slash === rest.length - 1) {
      throw new CandlecastError('invalid_store_uri', `a local R2 store is r2-local://<persist-to>/<bucket-name>, got "${uri}"`);
    }
    return R2LocalStore.open(resolve(rest.slice(0, slash)), rest.slice(slash + 1));
  }
  throw new CandlecastError('invalid_store_uri', `unknown store scheme "${scheme}://" in "${uri}"; use a path, file://, s3:// or r2-local://`);
}
