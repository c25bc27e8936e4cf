/*
 * Heap allocated and retained per SignalEngine.predictCandles in a fresh Node process that, like
 * an edge isolate, only ever loads the artifact and predicts (V8's optimized code, and so what it
 * boxes, depends on everything the process ran before; a process that also trained and built
 * datasets allocates about 3x more per call in the same code).
 *
 *   node --expose-gc --import tsx packages/trainer/bench/hotPathProbe.ts <artifactDir>
 *
 * Prints one JSON line: { allocatedBytesPerCall, retainedBytesPerCall, calls, breakdown }.
 */
import { Session } from 'node:inspector/promises';
import { readPackedArtifact, SignalEngine, type Candle } from '@candlecast/shared';
import { readArtifactDirectory } from '../src/stores/artifactDirectory';
import { loadInferenceWasm } from '../src/wasm/inferenceWasm';
import { allocatedPerCall } from './allocatedPerCall';

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const dir = process.argv[2];
if (!dir) throw new Error('usage: hotPathProbe.ts <artifactDir>');

const packed = await readArtifactDirectory(dir);
const engine = new SignalEngine(await readPackedArtifact(packed), { wasm: loadInferenceWasm().module });
// the golden cases: candle tails of exactly minCandles from the artifact's test set
const tails: Candle[][] = (packed.manifest.golden as { input: { candles: number[][] } }[]).map((golden) =>
  golden.input.candles.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume })),
);
const predict = (i: number) => engine.predictCandles(tails[i % tails.length]);

// warm-up: let V8 optimize the engine, the kernels and every feature
for (let i = 0; i < 3000; i++) predict(i);
globalThis.gc();
const probe = allocatedPerCall(1000, () => undefined);
const allocated = allocatedPerCall(1000, predict) - probe;

const calls = 10_000;
globalThis.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < calls; i++) predict(i);
globalThis.gc();
const retained = (process.memoryUsage().heapUsed - before) / calls;

// Where it comes from: V8's sampling heap profiler over more calls, allocation summed by source
// file (self size: the function that allocated), including objects a GC already collected.
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 128, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const sampledCalls = 1000;
for (let i = 0; i < sampledCalls; i++) predict(i);
const { profile } = await session.post('HeapProfiler.getSamplingProfile');
await session.post('HeapProfiler.stopSampling');
session.disconnect();
const byFile = new Map<string, number>();
const walk = (node: typeof profile.head) => {
  const file = node.callFrame.url.split('/').slice(-2).join('/') || `(${node.callFrame.functionName || 'native'})`;
  byFile.set(file, (byFile.get(file) ?? 0) + node.selfSize);
  node.children.forEach(walk);
};
walk(profile.head);
const sampled = [...byFile.values()].reduce((sum, bytes) => sum + bytes, 0);
const kib = (bytes: number) => `${(bytes / sampledCalls / 1024).toFixed(1)} KiB`;
const breakdown =
  `sampled ${kib(sampled)} per call: ` +
  [...byFile]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([file, bytes]) => `${file} ${kib(bytes)}`)
    .join(', ');
process.stdout.write(`${JSON.stringify({ allocatedBytesPerCall: Math.max(0, allocated), retainedBytesPerCall: retained, calls, breakdown })}\n`);
