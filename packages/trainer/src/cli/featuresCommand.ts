import type { Command } from 'commander';
import { DEFAULT_FEATURE_SPEC, FEATURE_CATALOG, type FeatureSpec } from '@candlecast/shared';

/** The feature reference as a Markdown table: name, formula, warm-up in candles. docs/FEATURES.md embeds it. */
export function featureTable(spec: FeatureSpec = DEFAULT_FEATURE_SPEC): string {
  const rows = spec.names.map((name, index) => {
    const definition = FEATURE_CATALOG.find((f) => f.name === name)!;
    return `| ${index} | \`${name}\` | ${definition.formula.replaceAll('|', '\\|')} | ${definition.create().getRequiredInputs()} | ${definition.memory ?? '-'} |`;
  });
  return [
    `Feature spec v${spec.version}, hash \`${spec.hash}\`, warm-up ${spec.warmUp} candles (the longest of first value and memory).`,
    '',
    '| # | feature | formula | first value after (candles) | memory (candles) |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `candlecast features`: prints the feature reference. */
export function registerFeaturesCommand(program: Command): void {
  program
    .command('features')
    .description('Print the 20 features: formula and warm-up of each, and the feature spec hash.')
    .action(() => {
      process.stdout.write(`${featureTable()}\n`);
    });
}
