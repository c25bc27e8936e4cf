/**
 * The performance targets of issue 8 checked against one run's results: each line says the
 * measured figure, the target and whether it is met, so a full `npm run bench` ends with the
 * verdicts instead of leaving the comparison to whoever reads the table. Targets whose benchmark
 * did not run are left out.
 */
export interface TargetVerdict {
  target: string;
  measured: string;
  met: boolean;
}

type Results = Record<string, Record<string, any> | undefined>;

/** Bytes per predictCandles we still call "no allocation": the output object the caller receives. */
export const HOT_PATH_ALLOCATION_BUDGET = 1024;

export function issueTargets(results: Results): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const { inference, memory, http, training, walkForward } = results;
  if (inference) {
    verdicts.push({ target: 'inference.speedup >= 30', measured: `${inference.speedup}x (${inference.kernelMs} ms vs tfjs ${inference.tfjsPredictMs} ms)`, met: inference.speedup >= 30 });
    verdicts.push({
      target: `no allocation on the hot path (<= ${HOT_PATH_ALLOCATION_BUDGET} B per predictCandles: the returned output)`,
      measured: `${inference.allocatedBytesPerCall} B allocated, ${inference.retainedBytesPerCall} B retained per call`,
      met: inference.allocatedBytesPerCall <= HOT_PATH_ALLOCATION_BUDGET,
    });
  }
  if (memory && typeof memory.workerdIsolateHeapMiB === 'number') {
    const wasm = typeof memory.edgeWasmMemoryMiB === 'number' ? memory.edgeWasmMemoryMiB : 0;
    const mib = memory.workerdIsolateHeapMiB + memory.workerdIsolateBackingStoreMiB + wasm;
    verdicts.push({ target: 'edge heap with the artifact < 32 MB', measured: `${mib.toFixed(2)} MiB (workerd isolate: heap + ArrayBuffers, + ${wasm} MiB wasm memory)`, met: mib * 1.048576 < 32 });
  }
  if (http) {
    const { uncachedMinusTrivial: d, cachedOverTrivial: r } = http;
    verdicts.push({ target: 'workerd, 10 conns: uncached p50 within 2 ms of trivial', measured: `+${d.p50} ms (${http.uncached.p50} vs ${http.trivial.p50})`, met: d.p50 <= 2 });
    verdicts.push({ target: 'workerd, 10 conns: uncached p99 within 5 ms of trivial', measured: `+${d.p99} ms (${http.uncached.p99} vs ${http.trivial.p99})`, met: d.p99 <= 5 });
    verdicts.push({ target: 'workerd, 10 conns: cached within 1.2x of trivial (p50, p99, req/s)', measured: `p50 ${r.p50}x, p99 ${r.p99}x, req/s ${r.rps}x`, met: r.p50 <= 1.2 && r.p99 <= 1.2 && r.rps <= 1.2 });
  }
  if (training) verdicts.push({ target: 'training.speedup >= 10', measured: `${training.speedup}x (${training.samplesPerSec} samples/s)`, met: training.speedup >= 10 });
  if (walkForward) {
    const capped = typeof walkForward.maxMinutesPerModel === 'number';
    verdicts.push({
      target: 'walkForward.minutes <= 30 (reference configuration)',
      measured: `${walkForward.minutes} min${capped ? ` (LSTM capped at ${walkForward.maxMinutesPerModel} min per fold: not the reference configuration)` : ''}`,
      met: !capped && walkForward.minutes <= 30,
    });
  }
  return verdicts;
}
