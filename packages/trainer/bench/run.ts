/**
 * `npm run bench`: runs every benchmark, prints a table per benchmark and writes bench/results.json
 * at the repository root. `npm run bench -- windows` runs only the named ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchHttp } from './http.bench';
import { benchInference } from './inference.bench';
import { benchMemory } from './memory.bench';
import { benchTrees } from './trees.bench';
import { benchTraining } from './training.bench';
import { benchWalkForward } from './walkForward.bench';
import { benchWindows } from './windows.bench';
import { issueTargets } from './issueTargets';

const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  windows: benchWindows,
  trees: benchTrees,
  training: benchTraining,
  inference: benchInference,
  memory: benchMemory,
  http: benchHttp,
  walkForward: benchWalkForward,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}\n`);
  process.exit(2);
}
const results: Record<string, unknown> = {
  machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: (await import('node:os')).cpus().length },
  startedAt: new Date().toISOString(),
};
for (const name of wanted.length ? wanted : Object.keys(BENCHMARKS)) {
  process.stdout.write(`\n== ${name}\n`);
  const result = await BENCHMARKS[name]();
  results[name] = result;
  for (const [key, value] of Object.entries(result)) process.stdout.write(`  ${key.padEnd(24)} ${typeof value === 'object' ? JSON.stringify(value) : value}\n`);
}
const targets = issueTargets(results as Record<string, Record<string, unknown>>);
if (targets.length > 0) {
  results.targets = targets;
  process.stdout.write('\n== issue 8 targets\n');
  for (const t of targets) process.stdout.write(`  ${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.measured}\n`);
}
const out = resolve(import.meta.dirname, '../../../bench/results.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nwrote ${out}\n`);
