import { join, resolve } from 'node:path';
import { CandlecastError } from '@candlecast/shared';
import { createJsKernels } from './jsKernels';
import type { KernelKind, Kernels } from './Kernels';
import { createWasmKernels } from './wasmKernels';
import type { WasmModule } from '@candlecast/shared/model/wasm';
import { loadWasmBuild } from '../../wasm/loadWasmBuild';

/** What the caller asks for: the best available (`auto`), or one kind by name (an error if it cannot run). */
export type KernelChoice = 'auto' | KernelKind;

/** The kernels chosen for this process and why (e.g. "wasm-simd (build/kernels.wasm)" or "js (auto: ...)"). */
export interface KernelSelection {
  kind: KernelKind;
  reason: string;
}

const PACKAGE_ROOT = resolve(import.meta.dirname, '../../..');

let compiled: { module: WasmModule | null; reason: string } | undefined;

/**
 * Decides once per thread whether kernels.wasm can run: it must exist (built by the trainer's
 * `prepare` script on install), match the current assembly sources (build/kernels.json holds
 * their hash) and validate, which needs WebAssembly SIMD.
 */
export function selectKernels(choice: KernelChoice = 'auto'): KernelSelection {
  if (choice !== 'auto' && choice !== 'wasm-simd' && choice !== 'js') {
    throw new CandlecastError('invalid_option', `kernels must be auto, wasm-simd or js, got "${String(choice)}"`);
  }
  if (choice === 'js') return { kind: 'js', reason: 'js (asked for)' };
  const wasm = compileWasm();
  if (wasm.module) return { kind: 'wasm-simd', reason: `wasm-simd (${wasm.reason})` };
  if (choice === 'wasm-simd') throw new CandlecastError('kernels_unavailable', `wasm-simd kernels cannot run: ${wasm.reason}`);
  return { kind: 'js', reason: `js (auto: ${wasm.reason})` };
}

/** A fresh kernel instance (own heap) of the selected kind. */
export function createKernels(kind: KernelKind): Kernels {
  if (kind === 'js') return createJsKernels();
  const { module, reason } = compileWasm();
  if (!module) throw new CandlecastError('kernels_unavailable', `wasm-simd kernels cannot run: ${reason}`);
  return createWasmKernels(module);
}

function compileWasm(): { module: WasmModule | null; reason: string } {
  compiled ??= tryCompile();
  return compiled;
}

function tryCompile(): { module: WasmModule | null; reason: string } {
  return loadWasmBuild(join(PACKAGE_ROOT, 'build/kernels.wasm'), PACKAGE_ROOT, 'run `npm run build:kernels -w packages/trainer`');
}
