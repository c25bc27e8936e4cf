import type { Command } from 'commander';
import { buildDataset, chronologicalSplit, CandlecastError, DEFAULT_FEATURE_SPEC, fitNormalisation, materializeWindows, minimumCandles, normaliseRows, rowsCoveredBy, type GapPolicy } from '@candlecast/shared';
import { loadCandles } from '../data/loadCandles';
import { parseIntegerOption } from './options';

/** `candlecast windows`: runs the shared pipeline from candles to normalised windows and describes the result. */
export function registerWindowsCommand(program: Command): void {
  program
    .command('windows')
    .description('Build normalised feature windows from candles and print a summary (a check of your data).')
    .option('--data <file>', 'candles as CSV (timestamp,open,high,low,close,volume or Binance klines) or JSON; default: generated')
    .option('--window <n>', 'candles per window (30-120)', '60')
    .option('--gaps <policy>', 'missing candles: fail | fill | segment', 'fail')
    .action((options: { data?: string; window: string; gaps: string }) => {
      const windowLength = parseIntegerOption('--window', options.window, 30, 120);
      if (!['fail', 'fill', 'segment'].includes(options.gaps)) {
        throw new CandlecastError('invalid_option', `--gaps must be fail, fill or segment, got "${options.gaps}"`);
      }
      const started = performance.now();
      const { candles, description } = loadCandles({ data: options.data });
      const dataset = buildDataset(candles, { spec: DEFAULT_FEATURE_SPEC, windowLength, gapPolicy: options.gaps as GapPolicy });
      const split = chronologicalSplit(dataset.ends, undefined, { windowLength });
      const normalisation = fitNormalisation(dataset.features, dataset.featureCount, rowsCoveredBy(split.train.map((i) => dataset.ends[i]), windowLength));
      normaliseRows(dataset.features, normalisation);
      const tensor = materializeWindows(dataset.features, dataset.featureCount, windowLength, dataset.ends);
      const up = dataset.labels.reduce((n, label) => n + (label === 1 ? 1 : 0), 0);
      const lines = [
        `source         ${description}`,
        `candles        ${candles.length} (${new Date(candles[0].time).toISOString()} .. ${new Date(candles[candles.length - 1].time).toISOString()})`,
        `gaps           ${dataset.gaps} (${dataset.filled} candles filled)`,
        `feature spec   v${DEFAULT_FEATURE_SPEC.version} ${DEFAULT_FEATURE_SPEC.hash.slice(0, 12)} (${DEFAULT_FEATURE_SPEC.names.length} features, warm-up ${DEFAULT_FEATURE_SPEC.warmUp})`,
        `min candles    ${minimumCandles(DEFAULT_FEATURE_SPEC, windowLength)} per signal`,
        `samples        ${dataset.ends.length} labelled windows, ${((100 * up) / dataset.ends.length).toFixed(1)}% BUY (flat next candles dropped)`,
        `split          train ${split.train.length} / validation ${split.validation.length} / test ${split.test.length} (purged)`,
        `tensor         [${dataset.ends.length}, ${windowLength}, ${dataset.featureCount}] float32, ${(tensor.byteLength / 2 ** 20).toFixed(1)} MiB`,
        `took           ${((performance.now() - started) / 1000).toFixed(2)} s`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
