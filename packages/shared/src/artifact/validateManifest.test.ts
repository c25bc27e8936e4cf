import { describe, expect, it } from 'vitest';
import type { ArtifactManifest } from './ArtifactManifest';
import { ManifestValidationError } from './ManifestValidationError';
import { packArtifact } from './packArtifact';
import { sampleArtifactDraft } from './testing/sampleArtifactDraft';
import { validateManifest } from './validateManifest';

const good = packArtifact(sampleArtifactDraft()).manifest;

/** A deep copy of the good manifest with one change applied. */
function broken(change: (m: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(good)) as Record<string, any>;
  change(copy);
  return copy;
}

function fieldOf(value: unknown): string {
  try {
    validateManifest(value);
  } catch (error) {
    if (error instanceof ManifestValidationError) return `${error.field}: ${error.message}`;
    throw error;
  }
  return 'valid';
}

describe('validateManifest', () => {
  it('accepts a packed manifest and returns it unchanged', () => {
    expect(validateManifest(JSON.parse(JSON.stringify(good)))).toEqual(good as ArtifactManifest);
  });

  it.each([
    ['formatVersion', (m: Record<string, any>) => (m.formatVersion = 2), 'formatVersion: manifest field "formatVersion" must be 1 (the format this reader knows), got 2'],
    ['a missing field', (m: Record<string, any>) => delete m.windowLength, 'windowLength: manifest field "windowLength" must be present, got nothing'],
    ['an unknown field', (m: Record<string, any>) => (m.calibraton = {}), 'calibraton: manifest field "calibraton" must be absent'],
    ['createdAt', (m: Record<string, any>) => (m.createdAt = 'yesterday'), 'createdAt: manifest field "createdAt" must be an ISO 8601 UTC time'],
    ['feature hash', (m: Record<string, any>) => (m.featureSpec.hash = 'abc'), 'featureSpec.hash: '],
    ['minCandles below windowLength', (m: Record<string, any>) => (m.minCandles = 10), 'minCandles: manifest field "minCandles" must be an integer >= 60, got 10'],
    ['a std entry', (m: Record<string, any>) => (m.normalisation.std[3] = 0), 'normalisation.std[3]: '],
    ['mean length', (m: Record<string, any>) => m.normalisation.mean.pop(), 'normalisation.mean: manifest field "normalisation.mean" must be 20 numbers (one per feature), got "19 entries"'],
    ['a tensor dtype', (m: Record<string, any>) => (m.models.lstm.tensors[1].dtype = 'int4'), 'models.lstm.tensors[1].dtype: manifest field "models.lstm.tensors[1].dtype" must be one of int8, fp16, fp32, got "int4"'],
    ['a tensor length', (m: Record<string, any>) => (m.models.lstm.tensors[2].byteLength = 60), 'models.lstm.tensors[2].byteLength: manifest field "models.lstm.tensors[2].byteLength" must be 64 (shape [16] as fp32), got 60'],
    ['missing int8 scales', (m: Record<string, any>) => delete m.models.lstm.tensors[0].scales, 'models.lstm.tensors[0].scales: '],
    ['a range outside the blob', (m: Record<string, any>) => (m.models.lstm.tensors[2].byteOffset = 1e6), 'models.lstm.tensors[2].byteOffset: '],
    ['an unknown blob', (m: Record<string, any>) => (m.models.forest.trees.buffers[0].blob = 'nope.bin'), 'models.forest.trees.buffers[0].blob: '],
    ['a blob checksum', (m: Record<string, any>) => (m.blobs[0].sha256 = 'ABC'), 'blobs[0].sha256: '],
    ['a model name', (m: Record<string, any>) => (m.models['../evil'] = m.models.lstm), 'models.../evil: '],
    ['training order', (m: Record<string, any>) => (m.training.to = '2023-01-01T00:00:00Z'), 'training.to: '],
    ['a golden case', (m: Record<string, any>) => (m.golden[0] = { input: 1 }), 'golden[0].outputs: '],
    ['free JSON that is not an object', (m: Record<string, any>) => (m.metrics = [1]), 'metrics: manifest field "metrics" must be an object, got [1]'],
  ])('names the field for %s', (_, change, expected) => {
    expect(fieldOf(broken(change))).toContain(expected);
  });

  it('says the manifest itself must be an object', () => {
    expect(() => validateManifest(null)).toThrow('manifest must be an object, got null');
  });
});
