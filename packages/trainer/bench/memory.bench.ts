import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchArtifactDirectory } from './benchArtifact';
import { benchDataPath, median } from './benchData';
import { residentBytes, startEdgeServer } from './edgeServer';
import { inspectIsolate } from './isolateHeap';

const REPO = resolve(import.meta.dirname, '../../..');
const MiB = 2 ** 20;

/**
 * Memory of serving and of training.
 *
 * - Edge, Node proxy: a fresh Node process reads + verifies the bench artifact, builds the
 *   SignalEngine and predicts once; heapUsed and ArrayBuffer growth after a full GC
 *   (edgeHeapProbe.ts; median of 3 processes).
 * - Edge, workerd: the real Worker in workerd (Miniflare), the user isolate's heap via the V8
 *   inspector (Runtime.getHeapUsage after HeapProfiler.collectGarbage) after /healthz (app built,
 *   no model) and after the model is loaded; also workerd's whole-process RSS growth (includes
 *   Miniflare's R2 service and allocator slack, so an upper bound).
 * - Trainer: peak RSS of `candlecast train --data <BTCUSDT> --models rf,gbdt,lstm --epochs 1
 *   --samples-per-epoch 2048` in a child process (getrusage maxRSS through maxRss.mjs).
 *   CANDLECAST_BENCH_SKIP_TRAIN_RSS=1 skips it.
 */
export async function benchMemory(): Promise<Record<string, number | string>> {
  const artifactDir = await benchArtifactDirectory();

  const probes = [0, 1, 2].map(() => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(REPO, 'packages/trainer/bench/edgeHeapProbe.ts'), artifactDir], { cwd: REPO, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`edgeHeapProbe failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as { heapUsedBytes: number; arrayBuffersBytes: number; rssBytes: number; wasmMemoryBytes: number };
  });
  const nodeHeap = median(probes.map((p) => p.heapUsedBytes));
  const nodeBuffers = median(probes.map((p) => p.arrayBuffersBytes));
  const wasmMemory = median(probes.map((p) => p.wasmMemoryBytes));

  const inspectorPort = 9400 + Math.floor(Math.random() * 500);
  const server = await startEdgeServer({ artifactDir, inspectorPort });
  let workerd: Record<string, number | string>;
  try {
    const inspector = await inspectIsolate(inspectorPort, 'core:user:');
    try {
      const get = (path: string) => fetch(`${server.url}${path}`).then((response) => response.text());
      await get('/healthz');
      const empty = await inspector.heapAfterGc(() => get('/healthz'));
      const rssEmpty = residentBytes(server.workerdPid);
      const ready = await fetch(`${server.url}/readyz`);
      if (ready.status !== 200) throw new Error(`/readyz answered ${ready.status}: ${await ready.text()}`);
      const loaded = await inspector.heapAfterGc(() => get('/healthz'));
      const rssLoaded = residentBytes(server.workerdPid);
      workerd = {
        workerdIsolateHeapMiB: mib(loaded.usedSize - empty.usedSize),
        workerdIsolateBackingStoreMiB: mib((loaded.backingStorageSize ?? NaN) - (empty.backingStorageSize ?? NaN)),
        workerdIsolateHeapTotalMiB: mib(loaded.usedSize + (loaded.backingStorageSize ?? 0)),
        workerdProcessRssGrowthMiB: rssEmpty !== null && rssLoaded !== null ? mib(rssLoaded - rssEmpty) : 'n/a',
      };
    } finally {
      inspector.close();
    }
  } finally {
    await server.close();
  }

  let trainer: Record<string, number | string> = { trainerPeakRssMiB: 'skipped (CANDLECAST_BENCH_SKIP_TRAIN_RSS)' };
  if (process.env.CANDLECAST_BENCH_SKIP_TRAIN_RSS !== '1') {
    const data = benchDataPath();
    const out = mkdtempSync(join(tmpdir(), 'candlecast-bench-train-'));
    const rssFile = join(out, 'maxrss.txt');
    const args = ['train', ...(data ? ['--data', data] : ['--candles', '30240']), '--models', 'rf,gbdt,lstm', '--epochs', '1', '--samples-per-epoch', '2048', '--out', join(out, 'run')];
    const started = performance.now();
    const child = spawnSync(process.execPath, [join(REPO, 'packages/trainer/bench/maxRss.mjs'), join(REPO, 'packages/trainer/bin/candlecast.js'), ...args], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, CANDLECAST_MAXRSS_FILE: rssFile },
      maxBuffer: 64 * MiB,
    });
    if (child.status !== 0) throw new Error(`candlecast train failed (${child.status}): ${child.stderr.slice(-2000)}`);
    trainer = {
      trainerPeakRssMiB: Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024),
      trainerWallSeconds: Math.round((performance.now() - started) / 100) / 10,
      trainerCommand: `candlecast ${args.join(' ').replace(out, '<tmp>')}`,
    };
    rmSync(out, { recursive: true, force: true });
  }

  return {
    edgeNodeHeapMiB: mib(nodeHeap),
    edgeNodeArrayBuffersMiB: mib(nodeBuffers),
    edgeNodeTotalMiB: mib(nodeHeap + nodeBuffers),
    // wasm linear memory is in neither V8's heap nor its ArrayBuffer counters (nor workerd's figures below)
    edgeWasmMemoryMiB: mib(wasmMemory),
    ...workerd,
    ...trainer,
  };
}

function mib(bytes: number): number {
  return Math.round((bytes / MiB) * 100) / 100;
}
