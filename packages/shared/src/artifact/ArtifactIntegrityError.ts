import { CandlecastError } from '../errors/CandlecastError';

/**
 * An object of an artifact version is missing, truncated, or does not hash to what the manifest
 * says. Loading stops here: a model built from such bytes would predict garbage.
 */
export class ArtifactIntegrityError extends CandlecastError {
  constructor(
    /** The artifact version (full sha256 hex). */
    readonly version: string,
    /** The object at fault: `manifest.json` or a blob name such as `lstm.bin`. */
    readonly object: string,
    problem: string,
  ) {
    super('artifact_corrupt', `artifact ${version.slice(0, 12)}: ${object} ${problem}`);
  }
}
