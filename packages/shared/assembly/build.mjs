// Builds build/inference.wasm, the serving kernels (see index.ts). Runs as this package's `prepare`
// script; `--strict` fails on a compile error instead of falling back.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWasm } from './buildWasm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const sources = readdirSync(here)
  .filter((name) => name.endsWith('.ts') || name.endsWith('.mjs'))
  .sort()
  .map((name) => `assembly/${name}`);
await buildWasm({ root, entry: join(here, 'index.ts'), outFile: join(root, 'build/inference.wasm'), sources, strict: process.argv.includes('--strict'), label: 'inference kernels' });
