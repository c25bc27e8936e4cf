import { CandlecastError } from '@candlecast/shared';

/** Where an S3Store points and how it connects. */
export interface S3StoreOptions {
  bucket: string;
  /** Key prefix inside the bucket ("" for the bucket root). */
  prefix?: string;
  /** A custom endpoint (R2, MinIO...); the SDK's AWS default when absent. */
  endpoint?: string;
  region: string;
  /** Path-style URLs (`endpoint/bucket/key`), which MinIO and most local servers need. */
  forcePathStyle: boolean;
  /** Explicit keys; absent means the SDK's default chain (AWS_ACCESS_KEY_ID...). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Reads `s3://bucket/prefix?endpoint=http://host:9000&region=auto&forcePathStyle=true`. Query
 * parameters win over the environment: endpoint from AWS_ENDPOINT_URL_S3, S3_ENDPOINT or
 * AWS_ENDPOINT_URL; region from AWS_REGION or AWS_DEFAULT_REGION (default us-east-1, or "auto" with
 * a custom endpoint, which R2 expects); path style from S3_FORCE_PATH_STYLE, on by default with a
 * custom endpoint. Credentials are left to the SDK (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY...).
 */
export function parseS3Uri(uri: string, env: Record<string, string | undefined> = {}): S3StoreOptions {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new CandlecastError('invalid_store_uri', `not a URI: "${uri}"`);
  }
  if (url.protocol !== 's3:' || url.hostname === '') {
    throw new CandlecastError('invalid_store_uri', `an S3 store is s3://bucket[/prefix][?endpoint=...&region=...&forcePathStyle=true], got "${uri}"`);
  }
  const known = ['endpoint', 'region', 'forcePathStyle'];
  for (const name of url.searchParams.keys()) {
    if (!known.includes(name)) throw new CandlecastError('invalid_store_uri', `unknown S3 store option "${name}" in "${uri}" (known: ${known.join(', ')})`);
  }
  const endpoint = url.searchParams.get('endpoint') ?? env.AWS_ENDPOINT_URL_S3 ?? env.S3_ENDPOINT ?? env.AWS_ENDPOINT_URL ?? undefined;
  const region = url.searchParams.get('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? (endpoint ? 'auto' : 'us-east-1');
  const pathStyle = url.searchParams.get('forcePathStyle') ?? env.S3_FORCE_PATH_STYLE;
  if (pathStyle !== undefined && pathStyle !== 'true' && pathStyle !== 'false') {
    throw new CandlecastError('invalid_store_uri', `forcePathStyle must be true or false, got "${pathStyle}"`);
  }
  return {
    bucket: url.hostname,
    prefix: decodeURIComponent(url.pathname.replace(/^\/+/, '')),
    endpoint,
    region,
    forcePathStyle: pathStyle === undefined ? endpoint !== undefined : pathStyle === 'true',
  };
}
