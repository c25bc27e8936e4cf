import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderStore } from './FolderStore';
import { openStore } from './openStore';
import { S3Store } from './S3Store';

describe('openStore', () => {
  it('opens a folder for a plain path or a file:// URI', async () => {
    const plain = await openStore('.candlecast/store');
    expect(plain).toBeInstanceOf(FolderStore);
    expect((plain as FolderStore).root).toBe(resolve('.candlecast/store'));
    expect(((await openStore('file:///tmp/models')) as FolderStore).root).toBe('/tmp/models');
  });

  it('opens S3 for s3:// with options from the URI and environment', async () => {
    const store = await openStore('s3://bucket/some/prefix?endpoint=http://127.0.0.1:9', {});
    expect(store).toBeInstanceOf(S3Store);
    expect(store.description).toBe('s3://bucket/some/prefix/');
    await store.close?.();
  });

  it('names the problem with an unknown scheme or a local R2 URI without a bucket', async () => {
    await expect(openStore('gs://bucket')).rejects.toThrow('unknown store scheme "gs://"');
    await expect(openStore('r2-local://just-a-bucket')).rejects.toThrow('a local R2 store is r2-local://<persist-to>/<bucket-name>');
  });
});
