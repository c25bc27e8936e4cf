import { Agent, request } from 'node:http';

/** One request of a load run: method, path, optional JSON body, and a header whose value is checked. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** Latency percentiles (ms, from per-request timings) and throughput of one load run. */
export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
}

/**
 * Sends `requests` requests over `connections` keep-alive connections, each connection issuing its
 * next request when the previous answer is complete (closed loop: `connections` = requests in
 * flight). Request n is `next(n)`, built before the clock starts. Latency is send to last body
 * byte, per request; rps is requests over the run's wall time. Every answer must be 200 and pass
 * `check` (headers), else the run throws: a benchmark of errors is no benchmark.
 */
export async function runLoad(options: {
  url: string;
  connections: number;
  requests: number;
  next: (n: number) => LoadRequest;
  check?: (headers: Record<string, string | string[] | undefined>, n: number) => string | null;
}): Promise<LoadResult> {
  const { hostname, port } = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const prepared = Array.from({ length: options.requests }, (_, n) => {
    const r = options.next(n);
    return { ...r, bytes: r.body === undefined ? undefined : Buffer.from(r.body) };
  });
  const latencies = new Float64Array(options.requests);
  let issued = 0;
  const one = (n: number) =>
    new Promise<void>((done, fail) => {
      const r = prepared[n];
      const headers: Record<string, string | number> = r.bytes ? { 'content-type': 'application/json', 'content-length': r.bytes.length } : {};
      const start = performance.now();
      const req = request({ agent, hostname, port, method: r.method, path: r.path, headers }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => {
          latencies[n] = performance.now() - start;
          const problem = res.statusCode !== 200 ? `status ${res.statusCode}` : (options.check?.(res.headers, n) ?? null);
          if (problem) fail(new Error(`${r.method} ${r.path} (request ${n}): ${problem}`));
          else done();
        });
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(r.bytes);
    });
  const connection = async () => {
    while (issued < options.requests) await one(issued++);
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: options.connections }, connection));
  } finally {
    agent.destroy();
  }
  const wall = (performance.now() - started) / 1000;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99), rps: options.requests / wall, requests: options.requests };
}
