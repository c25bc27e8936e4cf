import type { Command } from 'commander';
import { rollbackTag } from '@candlecast/shared/artifact';
import { addActorOption, addStoreOption, shortVersion, withStore } from './storeOptions';

/** `candlecast rollback --tag stable`: moves a tag back to the version it pointed at before. */
export function registerRollbackCommand(program: Command): void {
  const command = program
    .command('rollback')
    .description("Move a tag back to its previous version (repeat to walk further back through the tag's history).")
    .option('--tag <tag>', 'the tag to roll back', 'stable');
  addActorOption(addStoreOption(command)).action(async (options: { tag: string; store: string; by: string }) => {
    await withStore(options.store, async (store) => {
      const { pointer } = await rollbackTag(store, options.tag, options.by);
      const share = pointer.percent === undefined ? '' : ` at ${pointer.percent}%`;
      process.stdout.write(`tag ${pointer.tag} rolled back to ${shortVersion(pointer.version)}${share}\n`);
    });
  });
}
