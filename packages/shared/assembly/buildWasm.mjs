// Compiles an AssemblyScript entry to a SIMD wasm module and records which sources it was built
// from. Used by the `prepare` scripts of @candlecast/shared (inference.wasm) and
// @candlecast/trainer (kernels.wasm), so `npm ci` builds both. A failed build does not fail the
// install unless `strict`: the callers then run their plain-JS twins and say why.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/**
 * sha256 over `files` (paths relative to `root`, in the given order) and their contents: the
 * loaders recompute it from the `sources` list in the .json beside the .wasm to spot a stale build.
 */
export function sourceHash(root, files) {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

/**
 * Builds `entry` into `outFile` (+ `<name>.json` beside it with the source hash). `sources` are the
 * files the build depends on, relative to `root`. Returns true on success.
 */
export async function buildWasm({ root, entry, outFile, sources, strict = false, label }) {
  try {
    const asc = await import('assemblyscript/asc');
    mkdirSync(dirname(outFile), { recursive: true });
    const args = [entry, '--outFile', outFile, '--optimize', '-O3', '--enable', 'simd', '--runtime', 'stub', '--noAssert'];
    const { error, stderr } = await asc.main(args);
    if (error) throw new Error(`${error.message}\n${stderr.toString()}`);
    const info = { sourceHash: sourceHash(root, sources), sources, compiler: 'assemblyscript', args: args.slice(3) };
    writeFileSync(outFile.replace(/\.wasm$/, '.json'), `${JSON.stringify(info, null, 2)}\n`);
    process.stdout.write(`${label}: wrote ${relative(process.cwd(), outFile) || basename(outFile)}\n`);
    return true;
  } catch (error) {
    process.stderr.write(`${label}: build failed, the plain-JS kernels will be used instead: ${error instanceof Error ? error.message : error}\n`);
    if (strict) process.exit(1);
    return false;
  }
}
