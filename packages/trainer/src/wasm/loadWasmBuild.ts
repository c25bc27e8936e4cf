import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { webAssembly, type WasmModule } from '@candlecast/shared/model/wasm';

/** A compiled wasm build, or why there is none (missing, stale, no SIMD...). */
export interface WasmBuild {
  module: WasmModule | null;
  reason: string;
}

/**
 * Compiles a wasm file written by buildWasm.mjs (packages/shared/assembly) if it can run here: it
 * must exist, match the sources listed in the `.json` beside it (when those sources are present,
 * i.e. in a checkout; a stale build means someone edited a kernel and forgot to rebuild) and
 * validate, which needs WebAssembly SIMD. `packageRoot` is what the listed paths are relative to.
 */
export function loadWasmBuild(wasmPath: string, packageRoot: string, rebuild: string): WasmBuild {
  if (!existsSync(wasmPath)) return { module: null, reason: `${wasmPath} is missing; ${rebuild}` };
  try {
    const built = JSON.parse(readFileSync(wasmPath.replace(/\.wasm$/, '.json'), 'utf8')) as { sourceHash?: string; sources?: string[] };
    const sources = built.sources ?? [];
    if (sources.length > 0 && sources.every((file) => existsSync(join(packageRoot, file))) && built.sourceHash !== wasmSourceHash(packageRoot, sources)) {
      return { module: null, reason: `${wasmPath} is older than its sources (${sources.filter((s) => s.endsWith('.ts')).map((s) => s.replace(/^.*\//, '')).join(', ')}); ${rebuild}` };
    }
  } catch (error) {
    return { module: null, reason: `cannot read ${wasmPath.replace(/\.wasm$/, '.json')} (${(error as Error).message}); ${rebuild}` };
  }
  if (!webAssembly) return { module: null, reason: 'this runtime has no WebAssembly' };
  const bytes = readFileSync(wasmPath);
  if (!webAssembly.validate(bytes)) return { module: null, reason: `this runtime has no WebAssembly SIMD (${wasmPath.replace(dirname(dirname(wasmPath)) + '/', '')} does not validate)` };
  return { module: new webAssembly.Module(bytes), reason: wasmPath.replace(`${packageRoot}/`, '') };
}

/** The hash buildWasm.mjs records: sha256 over each listed file's path and contents, in order. */
export function wasmSourceHash(packageRoot: string, sources: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of sources) hash.update(file).update('\0').update(readFileSync(join(packageRoot, file))).update('\0');
  return hash.digest('hex');
}
