import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { CandlecastError } from '../../errors/CandlecastError';
import type { FeatureSpec } from '../../features/FeatureSpec';
import { checkTabularColumn, tabularColumnName, tabularColumnReach, type TabularColumn } from './TabularColumn';

/** Bump when the meaning of a tabular op changes in a way the column list does not show. */
export const TABULAR_SPEC_VERSION = 1;

/**
 * The ordered columns a tree model consumes, derived from one window of normalised feature rows.
 * Like the FeatureSpec, it travels with the artifact: the edge rebuilds the same columns from the
 * same window, and refuses an artifact whose `hash` does not match the spec it would compute.
 */
export interface TabularSpec {
  version: number;
  /** Hash of the FeatureSpec whose rows the columns read (feature names are resolved in it). */
  featureSpecHash: string;
  /** Base feature names in row order (the FeatureSpec's names). */
  baseNames: readonly string[];
  columns: readonly TabularColumn[];
  /** `tabularColumnName` of each column, in order. */
  names: readonly string[];
  /** Rows a window must have for every column (max reach). */
  requiredWindow: number;
  /** sha256 of version, feature spec hash and columns, hex. */
  hash: string;
}

/** Builds a TabularSpec over a FeatureSpec; an unknown feature name is an error listing the known ones. */
export function createTabularSpec(featureSpec: FeatureSpec, columns: readonly TabularColumn[] = defaultTabularColumns(featureSpec)): TabularSpec {
  if (columns.length === 0) throw new CandlecastError('invalid_tabular_spec', 'a tabular spec needs at least one column');
  for (const column of columns) {
    checkTabularColumn(column);
    if (!featureSpec.names.includes(column.feature)) {
      throw new CandlecastError('invalid_tabular_spec', `column reads unknown feature "${column.feature}"; known: ${featureSpec.names.join(', ')}`);
    }
  }
  const names = columns.map(tabularColumnName);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new CandlecastError('invalid_tabular_spec', `column "${repeated}" is listed twice`);
  return {
    version: TABULAR_SPEC_VERSION,
    featureSpecHash: featureSpec.hash,
    baseNames: [...featureSpec.names],
    columns: columns.map((c) => ({ ...c })),
    names,
    requiredWindow: Math.max(...columns.map(tabularColumnReach)),
    hash: tabularSpecHash(TABULAR_SPEC_VERSION, featureSpec.hash, names),
  };
}

function tabularSpecHash(version: number, featureSpecHash: string, names: readonly string[]): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify({ version, featureSpecHash, names }))));
}

/**
 * Checks a TabularSpec read from an artifact: a known version, columns that read listed base
 * features, names and reach that follow from the columns, and a hash that matches. Returns it.
 */
export function checkTabularSpec(spec: TabularSpec): TabularSpec {
  const fail = (what: string) => new CandlecastError('invalid_tabular_spec', `tabular spec: ${what}`);
  if (spec?.version !== TABULAR_SPEC_VERSION) throw fail(`version ${spec?.version} is not supported (expected ${TABULAR_SPEC_VERSION})`);
  if (!Array.isArray(spec.columns) || !Array.isArray(spec.baseNames) || spec.columns.length === 0) throw fail('columns and baseNames must be non-empty arrays');
  const rebuilt = createTabularSpec({ version: 0, names: spec.baseNames, warmUp: 0, hash: spec.featureSpecHash }, spec.columns);
  if (rebuilt.names.join('\n') !== (spec.names ?? []).join('\n')) throw fail('names do not follow from the columns');
  if (rebuilt.requiredWindow !== spec.requiredWindow) throw fail(`requiredWindow ${spec.requiredWindow} should be ${rebuilt.requiredWindow}`);
  if (rebuilt.hash !== spec.hash) throw fail(`hash ${String(spec.hash).slice(0, 12)} does not match the columns (${rebuilt.hash.slice(0, 12)})`);
  return spec;
}

/** Lags and summaries of the features that carry the short-term signal (bounce, volume, momentum). */
const LAGGED = ['logReturn1', 'candleBody', 'volumeZScore20', 'rsi14'];
const LAGS = [1, 2, 3, 5];
const SUMMARIES: readonly [string, TabularColumn['op'], number][] = [
  ['logReturn1', 'mean', 5], ['logReturn1', 'mean', 30], ['logReturn1', 'std', 5], ['logReturn1', 'std', 30], ['logReturn1', 'min', 30], ['logReturn1', 'max', 30],
  ['candleBody', 'mean', 5], ['candleBody', 'mean', 30], ['candleBody', 'std', 30], ['candleBody', 'min', 30], ['candleBody', 'max', 30],
  ['volumeZScore20', 'mean', 5], ['volumeZScore20', 'mean', 30], ['volumeZScore20', 'std', 30], ['volumeZScore20', 'max', 30],
  ['rsi14', 'mean', 30], ['rsi14', 'min', 30], ['rsi14', 'max', 30],
  ['bollingerPercentB', 'mean', 5], ['bollingerPercentB', 'std', 30],
  ['stochasticK14', 'mean', 5], ['stochasticK14', 'std', 30],
  ['obvSlope10', 'mean', 30], ['adx14', 'mean', 30],
];

/**
 * The default columns: every feature at t, lags t-1, t-2, t-3, t-5 of four short-term features and
 * 24 window summaries (spans 5 and 30, so any window of 30+ candles works): 60 columns over the
 * default 20-feature spec. Columns over features the spec lacks are left out.
 */
export function defaultTabularColumns(featureSpec: FeatureSpec): TabularColumn[] {
  const has = (name: string) => featureSpec.names.includes(name);
  const columns: TabularColumn[] = featureSpec.names.map((feature) => ({ op: 'last', feature }));
  for (const feature of LAGGED.filter(has)) for (const lag of LAGS) columns.push({ op: 'lag', feature, lag });
  for (const [feature, op, span] of SUMMARIES) if (has(feature)) columns.push({ op, feature, span } as TabularColumn);
  return columns;
}
