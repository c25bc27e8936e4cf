import { encodeUtf8 } from '@candlecast/shared/artifact';
import { artifactStoreContract } from '@candlecast/shared/artifact/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseS3Uri } from './parseS3Uri';
import { S3Store } from './S3Store';
import { startConditionalWriteProxy } from './testing/startConditionalWriteProxy';
import { startS3rver } from './testing/startS3rver';

const BUCKET = 'candlecast-test';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let s3rver: Awaited<ReturnType<typeof startS3rver>>;
let proxy: Awaited<ReturnType<typeof startConditionalWriteProxy>>;

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  s3rver = await startS3rver([BUCKET]);
  proxy = await startConditionalWriteProxy(s3rver.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await s3rver?.close();
});

let prefixes = 0;
const storeAt = (endpoint: string) =>
  new S3Store({ bucket: BUCKET, prefix: `run-${++prefixes}/models`, endpoint, region: 'us-east-1', forcePathStyle: true, credentials });

// s3rver serves put/get/list/delete; the proxy adds the conditional writes that S3 and R2 enforce.
artifactStoreContract('S3Store on s3rver + conditional-write proxy', async () => storeAt(proxy.endpoint));

describe('S3Store', () => {
  it('talks to s3rver directly, which ignores If-None-Match: the gap the proxy fills', async () => {
    const store = storeAt(s3rver.endpoint);
    await store.putIfMatch('tags/stable/pointer.json', encodeUtf8('first'), null);
    // Real S3 and R2 answer 412 here; if s3rver ever does too, the proxy can go.
    await expect(store.putIfMatch('tags/stable/pointer.json', encodeUtf8('second'), null)).resolves.toEqual(expect.any(String));
    expect((await store.get('tags/stable/pointer.json'))?.bytes).toEqual(encodeUtf8('second'));
    await store.close();
  });
  // Listing across pages is not tested here: s3rver builds continuation tokens with DES, which Node 20's
  // OpenSSL 3 refuses, so any truncated listing fails inside s3rver.
});

describe('parseS3Uri', () => {
  it('reads bucket, prefix and query options, which win over the environment', () => {
    expect(parseS3Uri('s3://models/prod/btc?endpoint=http://127.0.0.1:9000&region=eu-west-1&forcePathStyle=false', { AWS_REGION: 'us-east-2' })).toEqual({
      bucket: 'models',
      prefix: 'prod/btc',
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      forcePathStyle: false,
    });
  });

  it('takes endpoint and region from the standard variables; path style and region "auto" with a custom endpoint', () => {
    expect(parseS3Uri('s3://models', { AWS_ENDPOINT_URL_S3: 'https://acct.r2.cloudflarestorage.com' })).toEqual({
      bucket: 'models',
      prefix: '',
      endpoint: 'https://acct.r2.cloudflarestorage.com',
      region: 'auto',
      forcePathStyle: true,
    });
    expect(parseS3Uri('s3://models/', { S3_ENDPOINT: 'http://minio:9000', AWS_REGION: 'us-west-2', S3_FORCE_PATH_STYLE: 'false' })).toMatchObject({
      endpoint: 'http://minio:9000',
      region: 'us-west-2',
      forcePathStyle: false,
    });
    expect(parseS3Uri('s3://models', {})).toEqual({ bucket: 'models', prefix: '', endpoint: undefined, region: 'us-east-1', forcePathStyle: false });
  });

  it('names what is wrong with a bad URI', () => {
    expect(() => parseS3Uri('s3:///nobucket')).toThrow(/an S3 store is s3:\/\/bucket/);
    expect(() => parseS3Uri('s3://b?endpont=x')).toThrow('unknown S3 store option "endpont"');
    expect(() => parseS3Uri('s3://b?forcePathStyle=yes')).toThrow('forcePathStyle must be true or false, got "yes"');
  });
});
