import { describe, expect, it } from 'vitest';
import { hashApiKey } from '../auth/ApiKeys';
import { ModelRegistry } from '../registry/ModelRegistry';
import { createApp, type EdgeConfig } from './createApp';
import { candleArrays, MemorySource, testModel } from './testModel';

function setup(overrides: Partial<EdgeConfig> = {}, source = new MemorySource()) {
  if (source.pointers.size === 0) {
    source.models.set('v1', testModel('v1'));
    source.pointers.set('stable', { version: 'v1' });
  }
  const app = createApp({ registry: new ModelRegistry(source), ...overrides });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request('/v1/signal', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  return { app, post, source };
}

const valid = () => ({ symbol: 'BTCUSDT', interval: '1m', candles: candleArrays(12) });

async function expectError(response: Response, status: number, code: string, field: string | undefined, message: RegExp) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.field).toBe(field);
  expect(body.error.message).toMatch(message);
}

describe('POST /v1/signal', () => {
  it('answers with the signal, probabilities, version and tag in body and headers', async () => {
    const { post } = setup();
    const request = valid();
    const response = await post(request);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    // The last close (index 11, odd) is below the one before: the test model says p(BUY) = 0.7.
    expect(body).toMatchObject({ symbol: 'BTCUSDT', signal: 'BUY', probability: { buy: 0.7, sell: 0.30000000000000004 }, confidence: 0.7, version: 'v1', tag: 'stable', models: { test: { buy: 0.7 } } });
    expect(body.candleTime).toBe(new Date(request.candles[11][0]).toISOString());
    expect(response.headers.get('x-candlecast-version')).toBe('v1');
    expect(response.headers.get('x-candlecast-tag')).toBe('stable');
    expect(Number(response.headers.get('x-candlecast-compute-ms'))).toBeGreaterThanOrEqual(0);
  });

  it('accepts candle objects and uses only the needed tail', async () => {
    const { post } = setup();
    const candles = candleArrays(40).map(([t, o, h, l, c, v]) => ({ timestamp: new Date(t).toISOString(), open: o, high: h, low: l, close: c, volume: v }));
    const response = await post({ symbol: 'ETH-BTC', interval: '1m', candles });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { signal: string }).signal).toBe('BUY');
  });

  it('serves a repeated request for the same minute from the cache', async () => {
    const source = new MemorySource();
    const model = testModel('v1');
    source.models.set('v1', model);
    source.pointers.set('stable', { version: 'v1' });
    const { post } = setup({}, source);
    const first = await post(valid());
    const second = await post(valid());
    expect(first.headers.get('x-candlecast-cache')).toBe('miss');
    expect(second.headers.get('x-candlecast-cache')).toBe('hit');
    expect(model.calls).toBe(1);
    expect(((await second.json()) as { signal: string }).signal).toBe('BUY');
  });

  it('answers a byte-identical body from the exact-request cache, and never a body that only resembles it', async () => {
    const source = new MemorySource();
    const model = testModel('v1');
    source.models.set('v1', model);
    source.pointers.set('stable', { version: 'v1' });
    const { post } = setup({}, source);
    const text = JSON.stringify({ ...valid(), candles: candleArrays(30) });
    const first = await post(text);
    const second = await post(text);
    expect(second.headers.get('x-candlecast-cache')).toBe('hit');
    expect(model.calls).toBe(1);
    expect(await second.json()).toMatchObject({ ...((await first.json()) as object), computeMs: expect.any(Number) });
    // Same length and the same last 512 characters (the cache's key), a broken candle further up:
    // it must be validated and refused, not answered with the stored signal.
    const broken = text.replace(/\[(\d+),([\d.]+),/, (_m, t: string, open: string) => `[${t},${'9'.repeat(open.length)},`);
    expect(broken.length).toBe(text.length);
    expect(broken.slice(-512)).toBe(text.slice(-512));
    const refused = await post(broken);
    expect(refused.status).toBe(400);
    expect(model.calls).toBe(1);
  });

  it.each([
    ['a candle that is neither array nor object', { ...valid(), candles: candleArrays(12).map((c, i) => (i === 2 ? 'x' : c)) }, 400, 'invalid_request', 'candles[2]', /candles\[2\]: expected a candle/],
    ['a short candle array', { ...valid(), candles: candleArrays(12).map((c, i) => (i === 8 ? c.slice(0, 5) : c)) }, 400, 'invalid_candle', 'candles[8].volume', /candles\[8\]\.volume/],
    ['a wrong type', { ...valid(), symbol: 42 }, 400, 'invalid_request', 'symbol', /symbol: /],
    ['a missing field', { symbol: 'X', interval: '1m' }, 400, 'invalid_request', 'candles', /candles: /],
    ['the wrong interval', { ...valid(), interval: '5m' }, 400, 'invalid_request', 'interval', /interval: /],
    ['a non-finite price', { ...valid(), candles: candleArrays(12).map((c, i) => (i === 3 ? [c[0], 'NaN', ...c.slice(2)] : c)) }, 400, 'invalid_candle', 'candles[3].open', /candles\[3\]\.open must be a finite number/],
    ['a negative price', { ...valid(), candles: candleArrays(12).map((c, i) => (i === 4 ? [c[0], c[1], c[2], c[3], -1, c[5]] : c)) }, 400, 'invalid_candle', 'candles[4].close', /must be > 0/],
    ['high below low', { ...valid(), candles: candleArrays(12).map((c, i) => (i === 5 ? [c[0], c[1], 1, c[3], c[4], c[5]] : c)) }, 400, 'invalid_candle', 'candles[5].high', /must be >= max\(open, close\)/],
    ['a negative volume', { ...valid(), candles: candleArrays(12).map((c, i) => (i === 6 ? [...c.slice(0, 5), -2] : c)) }, 400, 'invalid_candle', 'candles[6].volume', /must be >= 0/],
    ['unsorted timestamps', { ...valid(), candles: [...candleArrays(12).slice(0, 5), candleArrays(12)[6], candleArrays(12)[5], ...candleArrays(12).slice(7)] }, 400, 'invalid_candle', 'candles[6].timestamp', /must be after row 6/],
    ['duplicate timestamps', { ...valid(), candles: [...candleArrays(12).slice(0, 6), candleArrays(12)[5], ...candleArrays(12).slice(7)] }, 400, 'invalid_candle', 'candles[6].timestamp', /duplicates row 6/],
    ['too few candles', { ...valid(), candles: candleArrays(7) }, 422, 'not_enough_candles', 'candles', /needs at least 10 one-minute candles .* got 7/],
    ['too many candles', { ...valid(), candles: candleArrays(2001) }, 400, 'too_many_candles', 'candles', /at most 2000 candles/],
  ])('rejects %s with a 4xx naming the field', async (_, body, status, code, field, message) => {
    const { post } = setup({ maxBodyBytes: 1024 * 1024 });
    await expectError(await post(body), status, code, field, message);
  });

  it('rejects a body over the size limit with 413 and malformed JSON with 400', async () => {
    const { post } = setup({ maxBodyBytes: 2000 });
    await expectError(await post({ ...valid(), candles: candleArrays(200) }), 413, 'body_too_large', 'body', /larger than 2000 bytes/);
    const bad = await post('{"symbol": ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('fills a short gap inside the tail the way training did, and refuses a long one', async () => {
    const { post } = setup();
    const gappy = candleArrays(13).filter((_, i) => i !== 8);
    expect((await post({ ...valid(), candles: gappy })).status).toBe(200);
    const { post: strictPost } = setup();
    const longGap = candleArrays(12).map((c, i) => (i >= 6 ? [c[0] + 3 * 3_600_000, ...c.slice(1)] : c));
    await expectError(await strictPost({ ...valid(), candles: longGap }), 422, 'candle_gap', 'candles[6].timestamp', /180 candles missing/);
  });

  it('returns 503 with Retry-After before any version was loaded', async () => {
    const source = new MemorySource();
    source.pointers.set('other', { version: 'x' });
    const response = await setup({}, source).post(valid());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });
});

describe('API keys and rate limits', () => {
  const apiKeys = [{ name: 'alice', sha256: hashApiKey('s3cret-key') }];

  it('401 without a key or with a wrong one, 200 with the right one', async () => {
    const { post } = setup({ apiKeys });
    await expectError(await post(valid()), 401, 'unauthorized', 'authorization', /Bearer/);
    await expectError(await post(valid(), { authorization: 'Bearer nope' }), 401, 'unauthorized', 'authorization', /not recognised/);
    expect((await post(valid(), { authorization: 'Bearer s3cret-key' })).status).toBe(200);
  });

  it('429 with Retry-After once a key spends its budget', async () => {
    let now = 1_000_000;
    const { post } = setup({ apiKeys, rateLimitPerMinute: 3, now: () => now });
    const auth = { authorization: 'Bearer s3cret-key' };
    for (let i = 0; i < 3; i++) expect((await post(valid(), auth)).status).toBe(200);
    const limited = await post(valid(), auth);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(20);
    now += 20_000;
    expect((await post(valid(), auth)).status).toBe(200);
  });
});

describe('routing between stable and canary', () => {
  it('sends about the canary percent of clients to the canary, stickily, and honours the override header', async () => {
    const source = new MemorySource();
    source.models.set('v1', testModel('v1'));
    source.models.set('v2', testModel('v2'));
    source.pointers.set('stable', { version: 'v1' });
    source.pointers.set('canary', { version: 'v2', percent: 20 });
    const { post } = setup({}, source);
    let canary = 0;
    for (let client = 0; client < 200; client++) {
      const headers = { 'x-forwarded-for': `10.0.${client >> 8}.${client & 255}` };
      const first = await post(valid(), headers);
      const again = await post(valid(), headers);
      expect(again.headers.get('x-candlecast-tag')).toBe(first.headers.get('x-candlecast-tag'));
      if (first.headers.get('x-candlecast-tag') === 'canary') {
        canary++;
        expect(first.headers.get('x-candlecast-version')).toBe('v2');
      }
    }
    expect(canary).toBeGreaterThan(20);
    expect(canary).toBeLessThan(60);
    const forced = await post(valid(), { 'x-candlecast-tag': 'canary', 'x-forwarded-for': '1.1.1.1' });
    expect(forced.headers.get('x-candlecast-version')).toBe('v2');
    await expectError(await post(valid(), { 'x-candlecast-tag': 'beta' }), 400, 'invalid_header', 'x-candlecast-tag', /must be "stable" or "canary"/);
  });
});

describe('other routes', () => {
  it('healthz is always up; readyz reports the loaded version or 503', async () => {
    const { app } = setup();
    expect((await app.request('/healthz')).status).toBe(200);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, auth: 'disabled', tags: { stable: { version: 'v1', degraded: false } } });
    const empty = new MemorySource();
    empty.pointers.set('x', { version: 'x' });
    expect((await setup({}, empty).app.request('/readyz')).status).toBe(503);
  });

  it('lists tags, split, feature spec and info on /v1/models', async () => {
    const { app } = setup();
    const body = (await (await app.request('/v1/models')).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ split: { stable: 100, canary: 0 }, tags: { stable: { version: 'v1', minCandles: 10, members: ['test'] }, canary: null } });
  });

  it('publishes an OpenAPI document generated from the request schemas, and a docs page', async () => {
    const { app } = setup();
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toContain('/v1/signal');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['SignalRequest', 'SignalResponse', 'Error', 'CandleObject', 'CandleArray']));
    expect(JSON.stringify(doc.components.schemas.SignalRequest)).toContain('#/components/schemas/CandleArray');
    const docs = await app.request('/docs');
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(await docs.text()).toContain('/v1/signal');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await setup().app.request('/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /nope' } });
  });
});
