import { getHeapStatistics } from 'node:v8';

/**
 * Mean V8 heap bytes allocated per `run`: the heap's used size read after every call only grows
 * between GCs, by what the call allocated; a drop is a GC and that step is left out. The measuring
 * loop's own share is included (subtract a run of a no-op).
 */
export function allocatedPerCall(calls: number, run: (i: number) => void): number {
  const used = () => getHeapStatistics().used_heap_size;
  let total = 0;
  let counted = 0;
  let previous = used();
  for (let i = 0; i < calls; i++) {
    run(i);
    const now = used();
    if (now >= previous) {
      total += now - previous;
      counted++;
    }
    previous = now;
  }
  return total / counted;
}
