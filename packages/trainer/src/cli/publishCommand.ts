import type { Command } from 'commander';
import { publishArtifact } from '@candlecast/shared/artifact';
import { readArtifactDirectory } from '../stores/artifactDirectory';
import { parseNumberOption } from './options';
import { addActorOption, addStoreOption, formatBytes, shortVersion, withStore } from './storeOptions';

interface PublishCommandOptions {
  store: string;
  tag?: string;
  percent?: string;
  by: string;
}

/** `candlecast publish <dir>`: verifies an artifact directory and publishes it, optionally moving a tag. */
export function registerPublishCommand(program: Command): void {
  const command = program
    .command('publish')
    .description('Publish an artifact directory (manifest.json + blob files) as an immutable version.')
    .argument('<dir>', 'artifact directory written by training')
    .option('--tag <tag>', 'point this tag (e.g. canary) at the new version')
    .option('--percent <n>', 'canary traffic share for --tag, 0-100');
  addActorOption(addStoreOption(command)).action(async (dir: string, options: PublishCommandOptions) => {
    const percent = options.percent === undefined ? undefined : parseNumberOption('--percent', options.percent, 0, 100);
    const artifact = await readArtifactDirectory(dir);
    await withStore(options.store, async (store) => {
      const result = await publishArtifact(store, artifact, { tag: options.tag, percent, updatedBy: options.by });
      const verb = result.alreadyPublished ? 'already published' : 'published';
      process.stdout.write(`${verb} ${result.version} (${formatBytes(result.bytes)}) in ${store.description}\n`);
      if (result.tag) {
        const { pointer } = result.tag;
        const share = pointer.percent === undefined ? '' : ` at ${pointer.percent}%`;
        const from = pointer.previous ? ` (was ${shortVersion(pointer.previous)})` : '';
        process.stdout.write(`tag ${pointer.tag} -> ${shortVersion(pointer.version)}${share}${from}\n`);
      }
    });
  });
}
