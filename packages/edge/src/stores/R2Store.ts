import { R2BucketStore } from '@candlecast/shared/artifact';

/**
 * The artifact store of the Workers entry: the R2 bucket binding (e.g. `env.MODELS`), optionally
 * under a key prefix. The logic is the shared R2BucketStore, which the trainer also runs against
 * Miniflare's local R2; this class pins it to the Workers binding type (from `wrangler types`), so
 * a binding API change shows up here at compile time. Compare-and-swap uses R2 conditional puts.
 */
export class R2Store extends R2BucketStore {
  constructor(bucket: R2Bucket, prefix = '') {
    super(bucket, prefix, `r2://${prefix}`);
  }
}
