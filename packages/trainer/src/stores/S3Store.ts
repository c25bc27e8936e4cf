import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { ConflictError, type ArtifactStore, type ObjectInfo, type StoredObject } from '@candlecast/shared/artifact';
import type { S3StoreOptions } from './parseS3Uri';

/**
 * An ArtifactStore in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO) under an optional key
 * prefix, through AWS SDK v3. Credentials come from the SDK's usual chain (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY, profiles, instance roles). Compare-and-swap uses conditional writes:
 * `If-None-Match: *` to create, `If-Match: <etag>` to replace; 412 (or 409, a concurrent
 * conditional write) becomes ConflictError.
 */
export class S3Store implements ArtifactStore {
  readonly description: string;
  private readonly prefix: string;
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    const prefix = options.prefix ?? '';
    this.prefix = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.description = `s3://${options.bucket}/${this.prefix}`;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      // Checksum headers by default (SDK >= 3.729) are not understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + key }));
      const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array(0);
      return { bytes, etag: response.ETag ?? '' };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + key, Body: bytes, ContentType: contentType(key) }));
  }

  async putIfMatch(key: string, bytes: Uint8Array, etag: string | null): Promise<string> {
    const condition = etag === null ? { IfNoneMatch: '*' } : { IfMatch: etag };
    try {
      const response = await this.client.send(
        new PutObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + key, Body: bytes, ContentType: contentType(key), ...condition }),
      );
      if (response.ETag) return response.ETag;
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + key }));
      return head.ETag ?? '';
    } catch (error) {
      const status = statusOf(error);
      if (status === 412 || status === 409) throw new ConflictError(key);
      throw error;
    }
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const found: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: this.prefix + prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        found.push({ key: object.Key.slice(this.prefix.length), size: object.Size ?? 0, uploaded: object.LastModified?.getTime() ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return found;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.prefix + key }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode;
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function contentType(key: string): string {
  return key.endsWith('.json') ? 'application/json' : 'application/octet-stream';
}
