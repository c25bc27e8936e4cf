import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CandlecastError } from '@candlecast/shared';
import { createJsKernels } from './jsKernels';
import type { KernelKind, Kernels } from './Kernels';
import { createWasmKernels } from './wasmKernels';
import { webAssembly, type WasmModule } from './webAssembly';

/** What the caller asks for: the best available (`auto`), or one kind by name (an error if it cannot run). */
export type KernelChoice = 'auto' | KernelKind;

/** The kernels chosen for this process and why (e.g. "wasm-simd (build/kernels.wasm)" or "js (auto: ...)"). */
export interface KernelSelection {
  kind: KernelKind;
  reason: string;
}

const ASSEMBLY_DIR = resolve(import.meta.dirname, '../../../assembly');
const BUILD_DIR = resolve(import.meta.dirname, '../../../build');

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
  const wasmPath = join(BUILD_DIR, 'kernels.wasm');
  const rebuild = 'run `npm run build:kernels -w packages/trainer`';
  if (!existsSync(wasmPath)) return { module: null, reason: `${wasmPath} is missing; ${rebuild}` };
  try {
    const built = JSON.parse(readFileSync(join(BUILD_DIR, 'kernels.json'), 'utf8')) as { sourceHash?: string };
    if (existsSync(ASSEMBLY_DIR) && built.sourceHash !== kernelSourceHash()) return { module: null, reason: `${wasmPath} is older than the sources in assembly/; ${rebuild}` };
  } catch (error) {
    return { module: null, reason: `cannot read build/kernels.json (${(error as Error).message}); ${rebuild}` };
  }
  if (!webAssembly) return { module: null, reason: 'this runtime has no WebAssembly' };
  const bytes = readFileSync(wasmPath);
  if (!webAssembly.validate(bytes)) return { module: null, reason: 'this runtime has no WebAssembly SIMD (kernels.wasm does not validate)' };
  return { module: new webAssembly.Module(bytes), reason: 'build/kernels.wasm' };
}

/** The hash assembly/build.mjs writes into kernels.json: sha256 over the sources and the build script. */
export function kernelSourceHash(): string {
  const hash = createHash('sha256');
  const names = readdirSync(ASSEMBLY_DIR)
    .filter((n) => n.endsWith('.ts') || n === 'build.mjs')
    .sort();
  for (const name of names) hash.update(name).update('\0').update(readFileSync(join(ASSEMBLY_DIR, name))).update('\0');
  return hash.digest('hex');
}
