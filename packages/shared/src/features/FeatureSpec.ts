import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { CandlecastError } from '../errors/CandlecastError';
import { FEATURE_CATALOG } from './catalog/index';
import type { FeatureDefinition } from './FeatureDefinition';

/** Bump when the meaning of feature computation changes in a way the formulas do not show. */
export const FEATURE_SPEC_VERSION = 1;

/**
 * The ordered list of features a model consumes. Artifacts carry `hash`; the edge refuses an
 * artifact whose hash differs from the spec it would compute, so a model is never fed columns it
 * was not trained on.
 */
export interface FeatureSpec {
  version: number;
  names: readonly string[];
  /**
   * Candles of history every feature needs: to have a value, and for infinite-memory features to
   * have forgotten where the stream started (FeatureDefinition.memory). Windows start after it in
   * training, and the edge asks for it, so both compute the same values.
   */
  warmUp: number;
  /** sha256 of the version, names and formulas, hex. */
  hash: string;
}

/** Builds a FeatureSpec from feature names (default: all 20, in catalog order). */
export function createFeatureSpec(names: readonly string[] = FEATURE_CATALOG.map((f) => f.name)): FeatureSpec {
  const definitions = resolveFeatures(names);
  const warmUp = Math.max(...definitions.map((d) => Math.max(d.create().getRequiredInputs(), d.memory ?? 0)));
  const canonical = JSON.stringify({ version: FEATURE_SPEC_VERSION, features: definitions.map((d) => [d.name, d.formula]) });
  return { version: FEATURE_SPEC_VERSION, names: [...names], warmUp, hash: bytesToHex(sha256(utf8ToBytes(canonical))) };
}

/** Looks features up by name; an unknown or repeated name is an error that lists the known ones. */
export function resolveFeatures(names: readonly string[]): FeatureDefinition[] {
  if (names.length === 0) throw new CandlecastError('invalid_feature_spec', 'a feature spec needs at least one feature');
  const seen = new Set<string>();
  return names.map((name) => {
    const definition = FEATURE_CATALOG.find((f) => f.name === name);
    if (!definition) {
      throw new CandlecastError('invalid_feature_spec', `unknown feature "${name}"; known: ${FEATURE_CATALOG.map((f) => f.name).join(', ')}`);
    }
    if (seen.has(name)) throw new CandlecastError('invalid_feature_spec', `feature "${name}" is listed twice`);
    seen.add(name);
    return definition;
  });
}

/** The default 20-feature spec. */
export const DEFAULT_FEATURE_SPEC: FeatureSpec = createFeatureSpec();
