import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { CandlecastError } from '@candlecast/shared';

/** What `--backend` accepts. `tensorflow` is libtensorflow through tfjs-node(-gpu). */
export const BACKEND_CHOICES = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** The backend that is now active and how it was chosen. */
export interface SelectedBackend {
  /** tfjs's name for it: tensorflow, wasm or cpu. */
  name: string;
  /** One line for the user, e.g. "wasm (auto: no tfjs-node installed)". */
  description: string;
}

/** How the native backends are installed; they are optional dependencies that need a download. */
const NATIVE_HINT =
  'install it with `npm install @tensorflow/tfjs-node` (CPU) or `npm install @tensorflow/tfjs-node-gpu` (CUDA 11.2 + cuDNN 8.1); ' +
  'both download libtensorflow at install time, so they need internet access then';

/**
 * Activates a tfjs backend. `auto` tries tfjs-node-gpu (if installed and an NVIDIA GPU is
 * visible), then tfjs-node, then wasm, then cpu, and says which it took. A missing native package
 * is only an error when asked for by name. Also switches tfjs to production mode (no debug checks,
 * no "install tfjs-node" banner).
 */
export async function selectBackend(choice: BackendChoice): Promise<SelectedBackend> {
  if (!(BACKEND_CHOICES as readonly string[]).includes(choice)) {
    throw new CandlecastError('invalid_option', `--backend must be one of ${BACKEND_CHOICES.join(', ')}, got "${choice}"`);
  }
  tf.enableProdMode();
  const skipped: string[] = [];
  if (choice === 'auto' || choice === 'tensorflow') {
    const gpu = gpuVisible();
    if (gpu && (await tryImport('@tensorflow/tfjs-node-gpu')) && (await activate('tensorflow'))) {
      return { name: 'tensorflow', description: `tensorflow via tfjs-node-gpu (${choice})` };
    }
    skipped.push(gpu ? 'tfjs-node-gpu not installed' : 'no GPU visible');
    if ((await tryImport('@tensorflow/tfjs-node')) && (await activate('tensorflow'))) {
      return { name: 'tensorflow', description: `tensorflow via tfjs-node (${choice}: ${skipped.join(', ')})` };
    }
    skipped.push('tfjs-node not installed');
    if (choice === 'tensorflow') {
      throw new CandlecastError('backend_unavailable', `--backend tensorflow needs @tensorflow/tfjs-node or @tensorflow/tfjs-node-gpu (${skipped.join(', ')}); ${NATIVE_HINT}`);
    }
  }
  if (choice === 'auto' || choice === 'wasm') {
    const error = await activateWasm();
    if (!error) return { name: 'wasm', description: choice === 'auto' ? `wasm (auto: ${skipped.join(', ')})` : 'wasm' };
    if (choice === 'wasm') throw new CandlecastError('backend_unavailable', `--backend wasm failed to start: ${error}`);
    skipped.push(`wasm failed: ${error}`);
  }
  await activate('cpu');
  return { name: 'cpu', description: choice === 'auto' ? `cpu (auto: ${skipped.join(', ')})` : 'cpu' };
}

/** True when an NVIDIA driver exposes at least one GPU (the tfjs-node-gpu prerequisite). */
export function gpuVisible(): boolean {
  return existsSync('/dev/nvidia0') || existsSync('/proc/driver/nvidia/gpus');
}

async function tryImport(specifier: string): Promise<boolean> {
  try {
    // A variable specifier keeps bundlers and tsc from resolving the optional package.
    await import(/* @vite-ignore */ specifier);
    return true;
  } catch {
    return false;
  }
}

async function activate(name: string): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** Registers the wasm backend with its .wasm files located in node_modules; returns an error text or null. */
async function activateWasm(): Promise<string | null> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm'))}/`);
    return (await tf.setBackend('wasm')) ? null : 'tf.setBackend("wasm") returned false';
  } catch (error) {
    return (error as Error).message;
  }
}
