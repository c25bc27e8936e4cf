import { open, stat, unlink } from 'node:fs/promises';
import { CandlecastError } from '@candlecast/shared';

export interface LockOptions {
  /** Give up after this long. Default 10 s. */
  timeoutMs?: number;
  /** A lock file older than this was left by a crashed process and is removed. Default 60 s. */
  staleMs?: number;
}

/**
 * Runs `work` while holding `lockPath`, a file created with O_EXCL ('wx'): creation fails while
 * another process holds it, on every local filesystem. Waits with short sleeps; removes a lock
 * that is older than `staleMs`, since holders keep it for milliseconds. That removal recovers from
 * a crashed holder; it is not itself race-free, which is why the stale age is far above any hold.
 */
export async function withLockFile<T>(lockPath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const staleMs = options.staleMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockPath).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > staleMs) {
        await unlink(lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) {
        throw new CandlecastError('store_locked', `${lockPath} has been held for ${timeoutMs} ms; if no candlecast process is running, delete it`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5 + attempt * 5, 50)));
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}
