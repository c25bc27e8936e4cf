import { vi } from 'vitest';
import { main } from '../main';

/** Runs the CLI in-process (for tests) and returns what it wrote and its exit code; resets process.exitCode. */
export async function runCandlecast(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  try {
    await main(['node', 'candlecast', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
