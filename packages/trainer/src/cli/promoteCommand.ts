import type { Command } from 'commander';
import { moveTag, resolveVersion } from '@candlecast/shared/artifact';
import { parseNumberOption } from './options';
import { addActorOption, addStoreOption, shortVersion, withStore } from './storeOptions';

interface PromoteCommandOptions {
  tag: string;
  percent?: string;
  store: string;
  by: string;
}

/** `candlecast promote <version> --tag stable`: points a tag at a published version (compare-and-swap). */
export function registerPromoteCommand(program: Command): void {
  const command = program
    .command('promote')
    .description('Point a tag at a published version; fails without changing anything if the tag moved meanwhile.')
    .argument('<version>', 'version id, or a unique prefix of at least 4 hex digits')
    .option('--tag <tag>', 'the tag to move', 'stable')
    .option('--percent <n>', 'canary traffic share, 0-100');
  addActorOption(addStoreOption(command)).action(async (reference: string, options: PromoteCommandOptions) => {
    const percent = options.percent === undefined ? undefined : parseNumberOption('--percent', options.percent, 0, 100);
    await withStore(options.store, async (store) => {
      const version = await resolveVersion(store, reference);
      const { pointer } = await moveTag(store, { tag: options.tag, version, percent, updatedBy: options.by });
      const share = pointer.percent === undefined ? '' : ` at ${pointer.percent}%`;
      const from = pointer.previous ? ` (rollback goes to ${shortVersion(pointer.previous)})` : '';
      process.stdout.write(`tag ${pointer.tag} -> ${shortVersion(version)}${share}${from}\n`);
    });
  });
}
