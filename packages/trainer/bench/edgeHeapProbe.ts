/*
 * The edge's memory for one loaded artifact, in a fresh Node process (a proxy for the Worker's
 * isolate): heap and ArrayBuffer memory after reading + verifying the artifact and building the
 * SignalEngine (and one prediction), minus the same before, both after a full GC.
 *
 *   node --expose-gc --import tsx packages/trainer/bench/edgeHeapProbe.ts <artifactDir>
 *
 * Prints one JSON line: { heapUsedBytes, arrayBuffersBytes, externalBytes, rssBytes, signal }.
 */
import { readPackedArtifact, SignalEngine } from '@candlecast/shared';
import { readArtifactDirectory } from '../src/stores/artifactDirectory';
import { loadInferenceWasm } from '../src/wasm/inferenceWasm';

if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
const dir = process.argv[2];
if (!dir) throw new Error('usage: edgeHeapProbe.ts <artifactDir>');

const settle = async () => {
  globalThis.gc!();
  // ArrayBuffer backing stores are freed by a task after the GC.
  await new Promise((done) => setTimeout(done, 50));
  globalThis.gc!();
  return process.memoryUsage();
};

/** What a Worker does on a cold start: bytes from storage -> verified artifact -> engine; the bytes are then dropped. */
async function load(): Promise<SignalEngine> {
  return new SignalEngine(await readPackedArtifact(await readArtifactDirectory(dir)), { wasm: loadInferenceWasm().module });
}

const before = await settle();
const engine = await load();
const golden = (engine.artifact.manifest.golden as { input: { candles: number[][] } }[])[0];
const candles = golden.input.candles.map(([time, open, high, low, close, volume]) => ({ time, open, high, low, close, volume }));
const signal = engine.predictCandles(candles).signal;
const after = await settle();
process.stdout.write(
  `${JSON.stringify({
    heapUsedBytes: after.heapUsed - before.heapUsed,
    arrayBuffersBytes: after.arrayBuffers - before.arrayBuffers,
    externalBytes: after.external - before.external,
    rssBytes: after.rss - before.rss,
    wasmMemoryBytes: engine.wasmMemoryBytes,
    signal,
  })}\n`,
);
