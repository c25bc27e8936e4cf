import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { CandlecastError } from '@candlecast/shared';
import { matchApiKey, type ApiKeyEntry } from '../auth/ApiKeys';
import { RateLimiter } from '../auth/RateLimiter';
import { ExactRequestCache } from '../cache/ExactRequestCache';
import { SignalCache } from '../cache/SignalCache';
import type { ModelRegistry, TagState } from '../registry/ModelRegistry';
import { chooseArm, type Arm } from '../routing/chooseArm';
import { CandleArraySchema, CandleObjectSchema, ErrorSchema, SignalRequestSchema, SignalResponseSchema } from '../schemas/signalSchemas';
import { ApiError } from './ApiError';
import { renderDocsPage } from './renderDocsPage';
import { validateCandles } from './validateCandles';

export interface EdgeConfig {
  registry: ModelRegistry;
  /** Hashed API keys; empty means authentication is off (local demo only). */
  apiKeys?: readonly ApiKeyEntry[];
  /** Requests per minute per key (or per client address when auth is off). Default 600. */
  rateLimitPerMinute?: number;
  /** Salt of the sticky stable/canary split. */
  routingSalt?: string;
  maxBodyBytes?: number;
  maxCandles?: number;
  now?: () => number;
}

type SignalBody = z.infer<typeof SignalResponseSchema>;
type Variables = { clientKey: string; bodyText?: string; picked?: { arm: Arm; state: TagState } };

const errorResponses = {
  400: { description: 'Invalid request: the message names the field and the rule.', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Missing or wrong API key.', content: { 'application/json': { schema: ErrorSchema } } },
  413: { description: 'Body larger than the limit.', content: { 'application/json': { schema: ErrorSchema } } },
  422: { description: 'Too few candles (the message says how many are needed) or a gap too long to fill.', content: { 'application/json': { schema: ErrorSchema } } },
  429: { description: 'Rate limit exceeded; see Retry-After.', content: { 'application/json': { schema: ErrorSchema } } },
  503: { description: 'No model version has been loaded yet; see Retry-After.', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

const signalRoute = createRoute({
  method: 'post',
  path: '/v1/signal',
  summary: 'Next-candle signal for a symbol from its recent 1-minute candles',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: SignalRequestSchema } } } },
  responses: {
    200: { description: 'The signal, with per-model probabilities, version and tag.', content: { 'application/json': { schema: SignalResponseSchema } } },
    ...errorResponses,
  },
});

/**
 * The signal API as a Hono app, independent of the runtime: the Workers and Node entries build a
 * registry over their storage and pass it in.
 */
export function createApp(config: EdgeConfig): OpenAPIHono<{ Variables: Variables }> {
  const apiKeys = config.apiKeys ?? [];
  const limiter = new RateLimiter(config.rateLimitPerMinute ?? 600, undefined, config.now);
  const cache = new SignalCache<SignalBody>();
  const exact = new ExactRequestCache<SignalBody>();
  const salt = config.routingSalt ?? 'candlecast';
  const maxCandles = config.maxCandles ?? 2000;
  const now = config.now ?? Date.now;

  const app = new OpenAPIHono<{ Variables: Variables }>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || 'body';
        throw new ApiError(400, 'invalid_request', `${field}: ${issue.message}`, field);
      }
    },
  });

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }, error.status, error.headers);
    }
    if (error instanceof HTTPException) {
      const message = error.status === 400 ? 'body: not valid JSON' : error.message;
      return c.json({ error: { code: error.status === 400 ? 'invalid_json' : 'http_error', message } }, error.status);
    }
    if (error instanceof CandlecastError) return c.json({ error: { code: error.code, message: error.message } }, 400);
    console.error('unhandled error', error);
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });

  app.notFound((c) => c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404));

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.get('/readyz', async (c) => {
    const stable = await config.registry.get('stable');
    const canary = await config.registry.get('canary');
    const body = {
      ready: stable.model !== null,
      auth: apiKeys.length > 0 ? 'api-key' : 'disabled',
      tags: Object.fromEntries(
        [stable, canary].map((s) => [s.tag, { version: s.model?.version ?? null, pointer: s.pointer?.version ?? null, degraded: s.error !== null, error: s.error }]),
      ),
    };
    return c.json(body, body.ready ? 200 : 503);
  });

  // Auth and rate limiting guard the API routes; health and docs stay open.
  app.use('/v1/*', async (c, next) => {
    let clientKey = c.req.header('cf-connecting-ip') ?? c.req.header('x-forwarded-for')?.split(',')[0].trim() ?? 'anonymous';
    if (apiKeys.length > 0) {
      const header = c.req.header('authorization') ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header);
      const entry = match ? matchApiKey(match[1].trim(), apiKeys) : null;
      if (!entry) {
        throw new ApiError(401, 'unauthorized', match ? 'authorization: API key not recognised' : 'authorization: send "Authorization: Bearer <API key>"', 'authorization', {
          'www-authenticate': 'Bearer',
        });
      }
      clientKey = `key:${entry.name}`;
    }
    const verdict = limiter.take(clientKey);
    if (!verdict.allowed) {
      throw new ApiError(429, 'rate_limited', `rate limit exceeded; retry in ${verdict.retryAfterSeconds} s`, undefined, { 'retry-after': String(verdict.retryAfterSeconds) });
    }
    c.set('clientKey', clientKey);
    await next();
  });

  app.use(
    '/v1/signal',
    bodyLimit({
      maxSize: config.maxBodyBytes ?? 256 * 1024,
      onError: () => {
        throw new ApiError(413, 'body_too_large', `body: larger than ${config.maxBodyBytes ?? 256 * 1024} bytes; send only the recent candles`, 'body');
      },
    }),
  );

  // A body seen before is answered before the route's schema validation parses it: the cached
  // path then costs what reading the body costs (see ExactRequestCache for why this is exact).
  app.use('/v1/signal', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const started = performance.now();
    const text = await c.req.text();
    const { arm, state } = await pickModel(config.registry, c.get('clientKey'), c.req.header('x-candlecast-tag'), salt);
    const body = exact.get(state.model!.version, text);
    if (body) return respond(c, body, arm, state, started, true);
    c.set('bodyText', text);
    c.set('picked', { arm, state });
    await next();
  });

  app.openapi(signalRoute, async (c) => {
    const started = performance.now();
    const request = c.req.valid('json');
    // the middleware above already chose the arm (and keyed the exact cache by its version)
    const { arm, state } = c.get('picked') ?? (await pickModel(config.registry, c.get('clientKey'), c.req.header('x-candlecast-tag'), salt));
    const model = state.model!;
    const candles = validateCandles(request.candles as never, model.minCandles, maxCandles);
    const last = candles[candles.length - 1];
    const key = `${SignalCache.key(request.symbol, last.time, model.version)}|${last.close}`;
    let body = cache.get(key);
    const cached = body !== undefined;
    if (!body) {
      const result = model.predict(candles);
      body = {
        symbol: request.symbol,
        candleTime: new Date(last.time).toISOString(),
        signal: result.signal,
        probability: { buy: result.pBuy, sell: 1 - result.pBuy },
        confidence: result.confidence,
        models: result.models,
        ...(result.attention ? { attention: result.attention } : {}),
        version: model.version,
        tag: arm,
        computeMs: 0,
      };
      body.computeMs = round3(performance.now() - started);
      cache.set(key, body);
    }
    const text = c.get('bodyText');
    if (text !== undefined) exact.set(model.version, text, body);
    return respond(c, body, arm, state, started, cached);
  });

  app.get('/v1/models', async (c) => {
    const states = await Promise.all(['stable', 'canary'].map((tag) => config.registry.get(tag)));
    return c.json({
      generatedAt: new Date(now()).toISOString(),
      split: { stable: 100 - canaryPercent(states[1]), canary: canaryPercent(states[1]) },
      tags: Object.fromEntries(
        states.map((s) => [
          s.tag,
          s.model
            ? {
                version: s.model.version,
                percent: s.pointer?.percent ?? null,
                minCandles: s.model.minCandles,
                windowLength: s.model.windowLength,
                featureSpec: s.model.featureSpec,
                degraded: s.error !== null,
                ...s.model.info,
              }
            : null,
        ]),
      ),
    });
  });

  // the two candle forms the request schema references (see CandleSchema)
  app.openAPIRegistry.register('CandleObject', CandleObjectSchema);
  app.openAPIRegistry.register('CandleArray', CandleArraySchema);
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'candlecast signal API', version: '1', description: 'Next-candle BUY/SELL/HOLD signals from 1-minute OHLCV candles.' },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.get('/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'candlecast signal API', version: '1' } }))));

  return app;
}

function canaryPercent(state: { model: unknown; pointer: { percent?: number } | null }): number {
  return state.model ? Math.max(0, Math.min(100, state.pointer?.percent ?? 0)) : 0;
}

async function pickModel(registry: ModelRegistry, clientKey: string, override: string | undefined, salt: string) {
  if (override !== undefined && override !== 'stable' && override !== 'canary') {
    throw new ApiError(400, 'invalid_header', `x-candlecast-tag: must be "stable" or "canary", got "${override.slice(0, 40)}"`, 'x-candlecast-tag');
  }
  const canary = await registry.get('canary');
  let arm: Arm = (override as Arm | undefined) ?? chooseArm(clientKey, canaryPercent(canary), salt);
  if (arm === 'canary' && !canary.model) {
    if (override === 'canary') throw new ApiError(404, 'no_canary', 'x-candlecast-tag: no canary version is published', 'x-candlecast-tag');
    arm = 'stable';
  }
  const state = arm === 'canary' ? canary : await registry.get('stable');
  if (!state.model) {
    throw new ApiError(503, 'no_model', `no model version has been loaded yet${state.error ? ` (${state.error})` : ''}; retry shortly`, undefined, { 'retry-after': '5' });
  }
  return { arm, state };
}

/** The signal answer with its version, tag, cache and timing headers. */
function respond(c: Context, body: SignalBody, arm: Arm, state: TagState, started: number, cached: boolean) {
  const computeMs = round3(performance.now() - started);
  const headers: Record<string, string> = {
    'x-candlecast-version': body.version,
    'x-candlecast-tag': arm,
    'x-candlecast-compute-ms': String(computeMs),
    'x-candlecast-cache': cached ? 'hit' : 'miss',
    'server-timing': `compute;dur=${computeMs}`,
  };
  if (state.error) headers['x-candlecast-degraded'] = 'storage unavailable; serving the last good version';
  return c.json({ ...body, tag: arm, computeMs: cached ? computeMs : body.computeMs }, 200, headers);
}

function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
