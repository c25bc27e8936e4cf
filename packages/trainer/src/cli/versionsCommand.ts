import type { Command } from 'commander';
import { listTags, listVersions, type TagPointer, type VersionSummary } from '@candlecast/shared/artifact';
import { addStoreOption, formatBytes, shortVersion, withStore } from './storeOptions';

/**
 * The `versions` table: one row per published version, newest first, with its tags (and canary
 * share), total size, and up to four numeric metrics from the manifest.
 */
export function versionsTable(versions: VersionSummary[], tags: TagPointer[]): string {
  const rows = versions.map((summary) => [
    shortVersion(summary.version),
    summary.createdAt.slice(0, 16).replace('T', ' '),
    tags
      .filter((pointer) => pointer.version === summary.version)
      .map((pointer) => (pointer.percent === undefined ? pointer.tag : `${pointer.tag} ${pointer.percent}%`))
      .join(', ') || '-',
    formatBytes(summary.bytes),
    summary.manifest ? metricsSummary(summary.manifest.metrics) || '-' : `unreadable: ${summary.problem}`,
  ]);
  const header = ['VERSION', 'CREATED (UTC)', 'TAGS', 'SIZE', 'METRICS'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  return [header, ...rows].map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n');
}

/** `name=value` for the first four finite numbers in the metrics, one level of nesting flattened. */
export function metricsSummary(metrics: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(metrics)) {
    if (typeof value === 'number' && Number.isFinite(value)) parts.push(`${key}=${round(value)}`);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value)) if (typeof v === 'number' && Number.isFinite(v)) parts.push(`${key}.${inner}=${round(v)}`);
    }
  }
  return parts.slice(0, 4).join(' ');
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '');
}

/** `candlecast versions`: lists the published versions of a store. */
export function registerVersionsCommand(program: Command): void {
  const command = program.command('versions').description('List published artifact versions: created, tags, size, metrics.');
  addStoreOption(command).action(async (options: { store: string }) => {
    await withStore(options.store, async (store) => {
      const [versions, tags] = await Promise.all([listVersions(store), listTags(store)]);
      process.stdout.write(versions.length === 0 ? `no versions in ${store.description}\n` : `${versionsTable(versions, tags)}\n`);
    });
  });
}
