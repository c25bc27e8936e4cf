import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCandles, parseCandlesCsv, type Candle } from '@candlecast/shared';
import { benchArtifactDirectory } from './benchArtifact';
import { benchDataPath, median } from './benchData';
import { startEdgeServer } from './edgeServer';
import { runLoad, type LoadRequest, type LoadResult } from './loadGenerator';

const CONNECTIONS = 10;
/** Distinct candle tails the uncached requests cycle through (each request also gets its own symbol). */
const TAILS = 1000;

type Route = 'trivial' | 'cached' | 'uncached';
interface Figures {
  p50: number;
  p99: number;
  rps: number;
}

/**
 * The real Worker (packages/edge/src/worker.ts) in workerd through Miniflare, requests straight to
 * workerd's socket (see edgeServer.ts), serving the bench artifact from local R2:
 *
 * - `trivial`: GET /healthz;
 * - `cached`: POST /v1/signal with one fixed body (after its first answer every one is a cache hit;
 *   the server still parses and validates the candles);
 * - `uncached`: POST /v1/signal where every request has a cache key never seen before (symbol +
 *   last candle time + version + last close): 1000 distinct tails of `minCandles` real candles,
 *   each request with its own symbol. Every answer's x-candlecast-cache header is checked.
 *
 * Each route: sequentially (one connection) and at 10 concurrent keep-alive connections (closed
 * loop); p50/p99 from per-request times, requests/s from wall time. Routes take turns in rounds
 * after a warm-up; each figure is the median over the rounds. The load generator (Node http)
 * shares the machine's cores with workerd. CANDLECAST_BENCH_HTTP_ROUNDS sets the rounds (default 5).
 */
export async function benchHttp(): Promise<Record<string, unknown>> {
  const rounds = Number(process.env.CANDLECAST_BENCH_HTTP_ROUNDS ?? 5);
  const artifactDir = await benchArtifactDirectory();
  const manifest = JSON.parse(readFileSync(join(artifactDir, 'manifest.json'), 'utf8')) as { minCandles: number; version?: string };
  const tails = candleTails(manifest.minCandles);
  const body = (symbol: string, tail: string) => `{"symbol":"${symbol}","interval":"1m","candles":${tail}}`;
  const cachedBody = body('BTCUSDT', tails[0]);
  let uncachedCount = 0;

  const server = await startEdgeServer({ artifactDir });
  try {
    const requestOf: Record<Route, () => LoadRequest> = {
      trivial: () => ({ method: 'GET', path: '/healthz' }),
      cached: () => ({ method: 'POST', path: '/v1/signal', body: cachedBody }),
      uncached: () => {
        const n = uncachedCount++;
        return { method: 'POST', path: '/v1/signal', body: body(`S${Math.floor(n / TAILS)}`, tails[n % TAILS]) };
      },
    };
    const expected: Record<Route, string | undefined> = { trivial: undefined, cached: 'hit', uncached: 'miss' };
    const load = (route: Route, connections: number, requests: number) =>
      runLoad({
        url: server.url,
        connections,
        requests,
        next: requestOf[route],
        check: (headers) => {
          const want = expected[route];
          return want && headers['x-candlecast-cache'] !== want ? `x-candlecast-cache is ${String(headers['x-candlecast-cache'])}, expected ${want}` : null;
        },
      });
    const counts: Record<Route, { sequential: number; concurrent: number }> = {
      trivial: { sequential: 500, concurrent: 3000 },
      cached: { sequential: 500, concurrent: 3000 },
      uncached: { sequential: 150, concurrent: 800 },
    };
    // warm-up: the app and the model load on the first request, V8 tiers everything up
    const first = await fetch(`${server.url}/v1/signal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: cachedBody });
    if (first.status !== 200) throw new Error(`POST /v1/signal answered ${first.status}: ${await first.text()}`);
    await first.arrayBuffer();
    for (const route of ['trivial', 'cached', 'uncached'] as const) await load(route, CONNECTIONS, route === 'uncached' ? 200 : 500);

    const runs: Record<Route, { sequential: LoadResult[]; concurrent: LoadResult[] }> = {
      trivial: { sequential: [], concurrent: [] },
      cached: { sequential: [], concurrent: [] },
      uncached: { sequential: [], concurrent: [] },
    };
    for (let round = 0; round < rounds; round++) {
      for (const route of ['trivial', 'cached', 'uncached'] as const) {
        runs[route].sequential.push(await load(route, 1, counts[route].sequential));
        runs[route].concurrent.push(await load(route, CONNECTIONS, counts[route].concurrent));
      }
    }
    const figures = (results: LoadResult[]): Figures => ({
      p50: round(median(results.map((r) => r.p50)), 2),
      p99: round(median(results.map((r) => r.p99)), 2),
      rps: Math.round(median(results.map((r) => r.rps))),
    });
    const summary = Object.fromEntries(
      (['uncached', 'cached', 'trivial'] as const).map((route) => [route, { ...figures(runs[route].concurrent), sequential: figures(runs[route].sequential) }]),
    ) as Record<Route, Figures & { sequential: Figures }>;
    const { trivial, cached, uncached } = summary;
    return {
      ...summary,
      uncachedMinusTrivial: { p50: round(uncached.p50 - trivial.p50, 2), p99: round(uncached.p99 - trivial.p99, 2), sequentialP50: round(uncached.sequential.p50 - trivial.sequential.p50, 2) },
      cachedOverTrivial: { p50: round(cached.p50 / trivial.p50, 2), p99: round(cached.p99 / trivial.p99, 2), rps: round(trivial.rps / cached.rps, 2) },
      server: `workerd via Miniflare ${await miniflareVersion()} (direct, no proxy), worker bundled with esbuild; load generator: Node http keep-alive, same machine`,
      requests: `per round: trivial/cached ${counts.cached.sequential} sequential + ${counts.cached.concurrent} at ${CONNECTIONS} connections, uncached ${counts.uncached.sequential} + ${counts.uncached.concurrent}; ${rounds} rounds; bodies of ${manifest.minCandles} candles (~${Math.round(cachedBody.length / 1024)} KiB)`,
    };
  } finally {
    await server.close();
  }
}

/** `TAILS` distinct JSON arrays of `count` candles ([time, open, high, low, close, volume]) from the bench data. */
function candleTails(count: number): string[] {
  const path = benchDataPath();
  const candles: Candle[] = path ? parseCandlesCsv(readFileSync(path, 'utf8')) : generateCandles({ count: 30_240, seed: 1 });
  const step = Math.max(1, Math.floor((candles.length - count) / TAILS));
  return Array.from({ length: TAILS }, (_, k) =>
    JSON.stringify(candles.slice(k * step, k * step + count).map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume])),
  );
}

async function miniflareVersion(): Promise<string> {
  const { createRequire } = await import('node:module');
  return (createRequire(import.meta.url)('miniflare/package.json') as { version: string }).version;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
