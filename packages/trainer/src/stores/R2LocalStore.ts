import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { R2BucketStore, type R2BucketLike } from '@candlecast/shared/artifact';

/**
 * The R2 bucket that `wrangler dev` serves locally, opened from Node through Miniflare, so the
 * trainer can publish to it and a running dev worker reads the same objects. Wrangler keeps local
 * R2 under `<persist-to>/v3/r2` (default `--persist-to` is `.wrangler/state`) and keys it by the
 * bucket *name* (`bucket_name` in wrangler config), not the binding. The store logic is the
 * shared R2BucketStore, the same code the edge runs against its binding.
 */
export class R2LocalStore extends R2BucketStore {
  private constructor(
    bucket: R2BucketLike,
    private readonly miniflare: Miniflare,
    description: string,
  ) {
    super(bucket, '', description);
  }

  /** Opens bucket `bucketName` of the local R2 persisted under `persistTo` (wrangler's --persist-to). */
  static async open(persistTo: string, bucketName: string): Promise<R2LocalStore> {
    const miniflare = new Miniflare({
      modules: true,
      script: 'export default {}',
      r2Buckets: { MODELS: bucketName },
      r2Persist: join(persistTo, 'v3', 'r2'),
    });
    try {
      const bucket = (await miniflare.getR2Bucket('MODELS')) as unknown as R2BucketLike;
      return new R2LocalStore(bucket, miniflare, `r2-local://${persistTo}/${bucketName}`);
    } catch (error) {
      await miniflare.dispose();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.miniflare.dispose();
  }
}
