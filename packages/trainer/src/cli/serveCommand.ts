import { loadInferenceWasm } from '../wasm/inferenceWasm';
import type { Command } from 'commander';
import { startNodeServer } from '@candlecast/edge/node';
import { parseApiKeys } from '@candlecast/edge';
import { openStore } from '../stores/openStore';
import { parseIntegerOption } from './options';
import { addStoreOption } from './storeOptions';

/** `candlecast serve`: the signal API on Node over an artifact store (the self-hosted edge). */
export function registerServeCommand(program: Command): void {
  addStoreOption(
    program
      .command('serve')
      .description('Serve the signal API (POST /v1/signal, GET /v1/models, /docs) from the stable and canary tags of a store.')
      .option('--port <n>', 'TCP port', '8787')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--tag-ttl <seconds>', 'how long a tag pointer is trusted before it is re-read', '30'),
  ).action(async (options: { port: string; host: string; tagTtl: string; store: string }) => {
    const port = parseIntegerOption('--port', options.port, 0, 65535);
    const tagTtlSeconds = parseIntegerOption('--tag-ttl', options.tagTtl, 1, 86_400);
    const store = await openStore(options.store);
    // API keys come from the environment, as on Workers (a secret there): name:sha256hex,...
    const wasm = loadInferenceWasm();
    const server = await startNodeServer({ store, port, hostname: options.host, tagTtlSeconds, apiKeys: parseApiKeys(process.env.API_KEYS), wasm: wasm.module });
    process.stdout.write(`candlecast API on ${server.url} (store ${store.description}); docs at ${server.url}/docs. Ctrl-C stops it.\n`);
    process.stdout.write(`kernels: ${wasm.module ? `wasm-simd (${wasm.reason})` : `TypeScript (${wasm.reason})`}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    await store.close?.();
  });
}
