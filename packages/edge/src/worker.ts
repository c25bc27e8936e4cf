import { createApp } from './app/createApp';
import { parseApiKeys } from './auth/ApiKeys';
import { ModelRegistry } from './registry/ModelRegistry';
import { StoreArtifactSource } from './registry/StoreArtifactSource';
import { R2Store } from './stores/R2Store';
// The serving kernels, compiled when the Worker is uploaded (Workers do not compile wasm at run time).
import inferenceWasm from '@candlecast/shared/inference.wasm';

type App = ReturnType<typeof createApp>;
let app: App | undefined;

/**
 * The Workers entry. One app (and model registry) per isolate, built from the bindings on the
 * first request: the loaded model is then reused by every request the isolate serves.
 */
export default {
  fetch(request, env, ctx) {
    app ??= createApp({
      registry: new ModelRegistry(new StoreArtifactSource(new R2Store(env.MODELS, env.STORE_PREFIX), inferenceWasm), { ttlMs: Number(env.TAG_TTL_SECONDS) * 1000 }),
      apiKeys: parseApiKeys((env as { API_KEYS?: string }).API_KEYS),
      rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE),
      routingSalt: env.ROUTING_SALT,
    });
    return app.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<Env>;
