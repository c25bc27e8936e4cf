import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { loadWasmBuild, type WasmBuild } from './loadWasmBuild';

let loaded: WasmBuild | undefined;

/**
 * The serving kernels (@candlecast/shared's build/inference.wasm, built by its `prepare` script)
 * compiled for this process, or why they cannot run here; SignalEngine then uses the TypeScript
 * kernels, which compute the same function. Compiled once per process.
 */
export function loadInferenceWasm(): WasmBuild {
  if (!loaded) {
    // createRequire rather than import.meta.resolve, which vitest's module runner does not support
    const wasmPath = createRequire(import.meta.url).resolve('@candlecast/shared/inference.wasm');
    loaded = loadWasmBuild(wasmPath, resolve(dirname(wasmPath), '..'), 'run `npm run build:kernels -w packages/shared`');
  }
  return loaded;
}
