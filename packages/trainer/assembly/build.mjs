// Compiles the AssemblyScript kernels to build/kernels.wasm (SIMD on). Runs as the trainer's
// `prepare` script, so `npm ci` / `npm install` build it. A failed build does not fail the install:
// the fast trainer then runs its plain-JS kernels and says why (see src/fast/kernels/loadKernels.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, '../build');
const strict = process.argv.includes('--strict');

/** sha256 over the kernel sources and this script (sorted by name); loadKernels.ts recomputes it to spot a stale build. */
function sourceHash() {
  const hash = createHash('sha256');
  for (const name of readdirSync(here).filter((n) => n.endsWith('.ts') || n === 'build.mjs').sort()) hash.update(name).update('\0').update(readFileSync(join(here, name))).update('\0');
  return hash.digest('hex');
}

try {
  const asc = await import('assemblyscript/asc');
  mkdirSync(outDir, { recursive: true });
  const args = [join(here, 'index.ts'), '--outFile', join(outDir, 'kernels.wasm'), '--optimize', '-O3', '--enable', 'simd', '--runtime', 'stub', '--noAssert'];
  const { error, stderr } = await asc.main(args);
  if (error) throw new Error(`${error.message}\n${stderr.toString()}`);
  writeFileSync(join(outDir, 'kernels.json'), `${JSON.stringify({ sourceHash: sourceHash(), compiler: 'assemblyscript', args: args.slice(3) }, null, 2)}\n`);
  process.stdout.write(`kernels: wrote ${join(outDir, 'kernels.wasm')}\n`);
} catch (error) {
  process.stderr.write(`kernels: build failed, the fast trainer will use its plain-JS kernels: ${error instanceof Error ? error.message : error}\n`);
  if (strict) process.exit(1);
}
