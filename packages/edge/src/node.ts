import { serve } from '@hono/node-server';
import type { ArtifactStore } from '@candlecast/shared';
import type { WasmModule } from '@candlecast/shared/model/wasm';
import { createApp, type EdgeConfig } from './app/createApp';
import { ModelRegistry } from './registry/ModelRegistry';
import { StoreArtifactSource } from './registry/StoreArtifactSource';

export interface NodeServerOptions extends Omit<EdgeConfig, 'registry'> {
  /** Where tags and artifacts live: a FolderStore, an S3Store... */
  store: ArtifactStore;
  port?: number;
  hostname?: string;
  /** Seconds a tag pointer is trusted before it is re-read. Default 30. */
  tagTtlSeconds?: number;
  /** The compiled inference.wasm (the trainer's loadInferenceWasm()); without it the kernels run in TypeScript. */
  wasm?: WasmModule | null;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The Node entry: the same Hono app as on Workers, served by @hono/node-server over any
 * ArtifactStore. For self-hosting and for the local demo.
 */
export async function startNodeServer(options: NodeServerOptions): Promise<RunningServer> {
  const { store, port = 8787, hostname = '127.0.0.1', tagTtlSeconds = 30, wasm = null, ...config } = options;
  const app = createApp({ ...config, registry: new ModelRegistry(new StoreArtifactSource(store, wasm), { ttlMs: tagTtlSeconds * 1000 }) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
