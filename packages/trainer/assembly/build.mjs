// Compiles the AssemblyScript kernels to build/kernels.wasm (SIMD on). Runs as the trainer's
// `prepare` script, so `npm ci` / `npm install` build it. A failed build does not fail the install:
// the fast trainer then runs its plain-JS kernels and says why (see src/fast/kernels/loadKernels.ts).
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWasm } from '../../shared/assembly/buildWasm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
// this folder plus what it imports from the shared kernels (paths relative to packages/trainer)
const sources = [
  ...readdirSync(here)
    .filter((name) => name.endsWith('.ts') || name.endsWith('.mjs'))
    .sort()
    .map((name) => `assembly/${name}`),
  '../shared/assembly/activations.ts',
  '../shared/assembly/gemm.ts',
  '../shared/assembly/buildWasm.mjs',
];
await buildWasm({ root, entry: join(here, 'index.ts'), outFile: join(root, 'build/kernels.wasm'), sources, strict: process.argv.includes('--strict'), label: 'kernels' });
