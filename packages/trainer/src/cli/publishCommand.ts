import type { Command } from 'commander';
import { CandlecastError } from '@candlecast/shared';
import { publishArtifact } from '@candlecast/shared/artifact';
import type { ServingCheck } from '../artifact/ServingCheck';
import { readArtifactDirectory } from '../stores/artifactDirectory';
import { parseNumberOption } from './options';
import { addActorOption, addStoreOption, formatBytes, shortVersion, withStore } from './storeOptions';

interface PublishCommandOptions {
  store: string;
  tag?: string;
  percent?: string;
  by: string;
  allowUnchecked?: boolean;
}

/** `candlecast publish <dir>`: verifies an artifact directory and publishes it, optionally moving a tag. */
export function registerPublishCommand(program: Command): void {
  const command = program
    .command('publish')
    .description('Publish an artifact directory (manifest.json + blob files) as an immutable version.')
    .argument('<dir>', 'artifact directory written by training')
    .option('--tag <tag>', 'point this tag (e.g. canary) at the new version')
    .option('--percent <n>', 'canary traffic share for --tag, 0-100')
    .option('--allow-unchecked', 'publish even without a passed serving check (quantized vs fp32) in the manifest');
  addActorOption(addStoreOption(command)).action(async (dir: string, options: PublishCommandOptions) => {
    const percent = options.percent === undefined ? undefined : parseNumberOption('--percent', options.percent, 0, 100);
    const artifact = await readArtifactDirectory(dir);
    checkServingGate(artifact.manifest.metrics, options.allowUnchecked === true);
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

/**
 * The quantization gate: training records how the signals the edge will serve (int8/fp16 weights,
 * features from the raw candle tail) compare with fp32 on the test windows. An artifact whose check
 * failed, or that has none, is refused unless the caller says otherwise.
 */
function checkServingGate(metrics: Record<string, unknown>, allowUnchecked: boolean): void {
  const serving = metrics.serving as ServingCheck | undefined;
  if (serving?.passed) return;
  if (allowUnchecked) {
    process.stderr.write(`warning: publishing without a passed serving check (${serving ? 'it failed' : 'none recorded'})\n`);
    return;
  }
  if (!serving) throw new CandlecastError('unchecked_artifact', 'the manifest records no serving check (metrics.serving); train with `candlecast train` or pass --allow-unchecked');
  throw new CandlecastError(
    'serving_check_failed',
    `refusing to publish: ${serving.precision} signals agree with fp32 on ${(100 * serving.signalAgreement).toFixed(2)}% of ${serving.windows} test windows ` +
      `(needs >= 99.5%) and accuracy moves ${(100 * Math.abs(serving.accuracyServed - serving.accuracyFp32)).toFixed(2)} points (allowed 0.2)`,
  );
}
