import { ARTIFACT_FORMAT_VERSION, type ArtifactManifest, type BlobObject } from './ArtifactManifest';
import { ManifestValidationError } from './ManifestValidationError';
import { join, readArray, readFields, readInteger, readIsoTime, readNumber, readObject, readString } from './manifestFields';
import { readArtifactName, validateModelEntry } from './validateModelEntry';

const TOP_LEVEL = [
  'formatVersion', 'createdAt', 'featureSpec', 'windowLength', 'minCandles', 'normalisation', 'labelPolicy', 'models',
  'ensemble', 'calibration', 'abstain', 'metrics', 'training', 'trainerCommit', 'golden', 'blobs',
] as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Checks that a parsed manifest has every field with the right type and that its parts agree
 * (normalisation has one mean/std per feature, tensor ranges lie inside listed blobs...). Returns
 * it typed; throws ManifestValidationError naming the first bad field. Unknown fields are errors:
 * the version hash covers them, so a misspelt key must not pass silently.
 */
export function validateManifest(value: unknown): ArtifactManifest {
  const manifest = readFields(value, '', TOP_LEVEL);
  if (manifest.formatVersion !== ARTIFACT_FORMAT_VERSION) {
    throw new ManifestValidationError('formatVersion', `${ARTIFACT_FORMAT_VERSION} (the format this reader knows)`, manifest.formatVersion);
  }
  readIsoTime(manifest.createdAt, 'createdAt');

  const spec = readFields(manifest.featureSpec, 'featureSpec', ['version', 'names', 'hash']);
  readInteger(spec.version, 'featureSpec.version', 1);
  const names = readArray(spec.names, 'featureSpec.names').map((name, i) => readString(name, join('featureSpec.names', i)));
  if (names.length === 0) throw new ManifestValidationError('featureSpec.names', 'a non-empty array', names);
  if (new Set(names).size !== names.length) throw new ManifestValidationError('featureSpec.names', 'names without repeats', names);
  readString(spec.hash, 'featureSpec.hash', SHA256_HEX, '64 lowercase hex digits');

  const windowLength = readInteger(manifest.windowLength, 'windowLength', 1);
  readInteger(manifest.minCandles, 'minCandles', windowLength);

  const normalisation = readFields(manifest.normalisation, 'normalisation', ['mean', 'std', 'clip']);
  for (const key of ['mean', 'std'] as const) {
    const values = readArray(normalisation[key], join('normalisation', key));
    if (values.length !== names.length) {
      throw new ManifestValidationError(join('normalisation', key), `${names.length} numbers (one per feature)`, `${values.length} entries`);
    }
    values.forEach((v, i) => readNumber(v, join(join('normalisation', key), i), key === 'std' ? Number.MIN_VALUE : -Infinity));
  }
  readNumber(normalisation.clip, 'normalisation.clip', Number.MIN_VALUE);

  const labelPolicy = readFields(manifest.labelPolicy, 'labelPolicy', ['horizon', 'flatPolicy']);
  readInteger(labelPolicy.horizon, 'labelPolicy.horizon', 1);
  readString(labelPolicy.flatPolicy, 'labelPolicy.flatPolicy');

  const blobs = validateBlobs(manifest.blobs);
  for (const [name, model] of Object.entries(readObject(manifest.models, 'models'))) {
    readArtifactName(name, `models.${name}`);
    validateModelEntry(model, `models.${name}`, blobs);
  }
  for (const key of ['ensemble', 'calibration', 'abstain', 'metrics'] as const) readObject(manifest[key], key);

  const training = readFields(manifest.training, 'training', ['dataHash', 'from', 'to', 'candles']);
  readString(training.dataHash, 'training.dataHash');
  const from = readIsoTime(training.from, 'training.from');
  const to = readIsoTime(training.to, 'training.to');
  if (Date.parse(to) < Date.parse(from)) throw new ManifestValidationError('training.to', `not before training.from (${from})`, to);
  readInteger(training.candles, 'training.candles', 1);
  readString(manifest.trainerCommit, 'trainerCommit');
  readArray(manifest.golden, 'golden').forEach((item, i) => readFields(item, join('golden', i), ['input', 'outputs']));
  return manifest as unknown as ArtifactManifest;
}

function validateBlobs(value: unknown): Map<string, BlobObject> {
  const blobs = new Map<string, BlobObject>();
  readArray(value, 'blobs').forEach((item, i) => {
    const at = join('blobs', i);
    const blob = readFields(item, at, ['name', 'sha256', 'byteLength']);
    const name = readArtifactName(blob.name, join(at, 'name'));
    if (blobs.has(name)) throw new ManifestValidationError(join(at, 'name'), 'unique among blobs', name);
    readString(blob.sha256, join(at, 'sha256'), SHA256_HEX, '64 lowercase hex digits');
    readInteger(blob.byteLength, join(at, 'byteLength'));
    blobs.set(name, blob as unknown as BlobObject);
  });
  return blobs;
}
