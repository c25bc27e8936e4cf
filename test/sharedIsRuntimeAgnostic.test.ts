/**
 * packages/shared must run unchanged in Node and in workerd: no node: built-ins, no process.env,
 * no filesystem, no tfjs. This scans its sources (tests included) for anything that would tie it
 * to one runtime.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', 'packages', 'shared', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'a node: import'],
  [/from ['"](fs|path|os|crypto|child_process|worker_threads)['"]/, 'a Node built-in import'],
  [/\bprocess\.(env|argv|exit|cwd)/, 'process.*'],
  [/\brequire\(/, 'require()'],
  [/@tensorflow\//, 'tfjs'],
  [/\bBuffer\./, 'Buffer'],
];

describe('packages/shared', () => {
  const files = sources(root);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(FORBIDDEN)('contains no %s', (pattern, what) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(offenders, `${what} found`).toEqual([]);
  });
});
