import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

const REPO = resolve(import.meta.dirname, '../../..');
const EDGE = join(REPO, 'packages/edge');

/** The real edge Worker served by workerd on a local port, with an artifact published to its R2 bucket. */
export interface EdgeServer {
  url: string;
  /** workerd's process id (for its memory), or null when it could not be found. */
  workerdPid: number | null;
  /** The local R2 persistence folder (`<persistTo>/v3/r2`), as `wrangler dev --persist-to` uses it. */
  persistTo: string;
  close(): Promise<void>;
}

/**
 * Serves packages/edge/src/worker.ts in workerd through Miniflare (requests go straight to
 * workerd's socket, no Node proxy in between). The artifact directory is first published to local
 * R2 with `candlecast publish <dir> --store r2-local://<persistTo>/<bucket> --tag stable`, the
 * command a developer runs before `wrangler dev`. The Worker is bundled with esbuild under the
 * conditions wrangler uses, with wrangler.jsonc's compatibility date, R2 binding and vars; only
 * RATE_LIMIT_PER_MINUTE is raised so the load generator is not throttled. Optionally opens the
 * V8 inspector on `inspectorPort`.
 */
export async function startEdgeServer(options: { artifactDir: string; inspectorPort?: number }): Promise<EdgeServer> {
  const config = readWranglerConfig();
  const bucket = config.r2_buckets[0];
  const persistTo = mkdtempSync(join(tmpdir(), 'candlecast-bench-edge-'));
  const published = spawnSync(process.execPath, [join(REPO, 'packages/trainer/bin/candlecast.js'), 'publish', options.artifactDir, '--store', `r2-local://${persistTo}/${bucket.bucket_name}`, '--tag', 'stable'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (published.status !== 0) throw new Error(`candlecast publish failed (${published.status}): ${published.stderr}${published.stdout}`);
  const scriptPath = join(persistTo, 'worker.js');
  await build({
    entryPoints: [join(EDGE, config.main)],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['workerd', 'worker', 'browser', 'module', 'main'],
    outfile: scriptPath,
    // inference.wasm stays a separate module, as wrangler uploads it (CompiledWasm below)
    loader: { '.wasm': 'copy' },
    logLevel: 'warning',
  });
  const miniflare = new Miniflare({
    modules: true,
    scriptPath,
    // module names are relative to this root; the default (cwd) cannot reach a temp folder
    modulesRoot: persistTo,
    modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }],
    compatibilityDate: config.compatibility_date,
    r2Buckets: { [bucket.binding]: bucket.bucket_name },
    r2Persist: join(persistTo, 'v3', 'r2'),
    bindings: { ...config.vars, RATE_LIMIT_PER_MINUTE: '1000000000' },
    host: '127.0.0.1',
    port: 0,
    ...(options.inspectorPort ? { inspectorPort: options.inspectorPort } : {}),
  });
  const url = (await miniflare.ready).toString().replace(/\/$/, '');
  return {
    url,
    workerdPid: findChild(process.pid, 'workerd'),
    persistTo,
    async close() {
      await miniflare.dispose();
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}

interface WranglerConfig {
  main: string;
  compatibility_date: string;
  r2_buckets: { binding: string; bucket_name: string }[];
  vars: Record<string, string>;
}

/** packages/edge/wrangler.jsonc without its comment lines. */
function readWranglerConfig(): WranglerConfig {
  const text = readFileSync(join(EDGE, 'wrangler.jsonc'), 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as WranglerConfig;
}

/** The first descendant of `pid` whose command name is `name` (Linux /proc), or null. */
function findChild(pid: number, name: string): number | null {
  let processes: { pid: number; ppid: number; comm: string }[];
  try {
    processes = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((entry) => {
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          const close = stat.lastIndexOf(')');
          return [{ pid: Number(entry), comm: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(stat.slice(close + 2).split(' ')[1]) }];
        } catch {
          return [];
        }
      });
  } catch {
    return null;
  }
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const child of processes.filter((p) => p.ppid === parent)) {
      if (child.comm === name) return child.pid;
      queue.push(child.pid);
    }
  }
  return null;
}

/** Resident set size of a process in bytes (Linux), or null. */
export function residentBytes(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
