import type { Command } from 'commander';
import { collectGarbage } from '@candlecast/shared/artifact';
import { parseIntegerOption } from './options';
import { addStoreOption, formatBytes, shortVersion, withStore } from './storeOptions';

/** `candlecast gc --keep N`: deletes old versions; tagged versions and rollback targets always stay. */
export function registerGcCommand(program: Command): void {
  const command = program
    .command('gc')
    .description('Delete old versions: keeps the newest N, every tagged version and every tag\'s rollback target.')
    .requiredOption('--keep <n>', 'how many of the newest versions to keep, tagged or not')
    .option('--dry-run', 'only show what would be deleted');
  addStoreOption(command).action(async (options: { keep: string; dryRun?: boolean; store: string }) => {
    const keep = parseIntegerOption('--keep', options.keep, 0, 1_000_000);
    await withStore(options.store, async (store) => {
      const result = await collectGarbage(store, { keep, dryRun: options.dryRun });
      const verb = options.dryRun ? 'would delete' : 'deleted';
      const lines = [
        ...result.kept.map((k) => `kept ${shortVersion(k.version)} (${k.reasons.join(', ')})`),
        ...result.deleted.map((v) => `${verb} ${shortVersion(v)}`),
        ...result.incomplete.map((v) => `${verb} ${shortVersion(v)} (interrupted publish, no manifest)`),
        `${verb} ${result.deleted.length} version(s) and ${result.incomplete.length} incomplete, ${formatBytes(result.bytesFreed)}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  });
}
