import { hostname, userInfo } from 'node:os';
import type { Command } from 'commander';
import type { ArtifactStore } from '@candlecast/shared/artifact';
import { DEFAULT_STORE, openStore } from '../stores/openStore';

/** Adds `--store <uri>` (default: $CANDLECAST_STORE, else `.candlecast/store`). */
export function addStoreOption(command: Command): Command {
  return command.option(
    '--store <uri>',
    'artifact store: a folder path or file://..., s3://bucket/prefix?endpoint=..., or r2-local://<persist-to>/<bucket>',
    process.env.CANDLECAST_STORE ?? DEFAULT_STORE,
  );
}

/** Adds `--by <name>`: who changes a tag, recorded in its pointer and history (default user@host). */
export function addActorOption(command: Command): Command {
  return command.option('--by <name>', 'who makes the change, recorded in the tag history', defaultActor());
}

/** Opens the store, runs `work`, and closes the store even when `work` throws. */
export async function withStore<T>(uri: string, work: (store: ArtifactStore) => Promise<T>): Promise<T> {
  const store = await openStore(uri);
  try {
    return await work(store);
  } finally {
    await store.close?.();
  }
}

/** `user@host`; containers without a passwd entry fall back to $USER or "unknown". */
function defaultActor(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = process.env.USER ?? 'unknown';
  }
  return `${user}@${hostname()}`;
}

/** Bytes as B, KiB or MiB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The first 12 hex digits of a version, enough to tell versions apart in output and to type back. */
export function shortVersion(version: string): string {
  return version.slice(0, 12);
}
