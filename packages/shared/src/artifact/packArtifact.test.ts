import { describe, expect, it } from 'vitest';
import { ArtifactIntegrityError } from './ArtifactIntegrityError';
import { artifactVersion, manifestBytes } from './artifactVersion';
import { canonicalJson } from './canonicalJson';
import { packArtifact } from './packArtifact';
import { readArtifact } from './readArtifact';
import { sha256Hex } from './sha256Hex';
import { sampleArtifactDraft } from './testing/sampleArtifactDraft';
import { encodeUtf8 } from './utf8';

const draft = sampleArtifactDraft(5);
const packed = packArtifact(draft);
const reader = (blobs: Map<string, Uint8Array>) => async (name: string) => blobs.get(name) ?? null;

describe('packArtifact / readArtifact', () => {
  it('addresses the version by the sha256 of the canonical manifest, which lists every blob hash', () => {
    expect(packed.version).toBe(sha256Hex(encodeUtf8(canonicalJson(packed.manifest))));
    expect(packed.version).toMatch(/^[0-9a-f]{64}$/);
    expect(packed.manifest.blobs.map((b) => b.name)).toEqual(['lstm.bin', 'forest.bin']);
    for (const blob of packed.manifest.blobs) expect(blob.sha256).toBe(sha256Hex(packed.blobs.get(blob.name)!));
    // Key order and whitespace do not change the id; content does.
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]))
          : value;
    const reordered = JSON.parse(JSON.stringify(reverseKeys(packed.manifest), null, 2));
    expect(Object.keys(reordered)[0]).toBe('blobs');
    expect(artifactVersion(reordered)).toBe(packed.version);
    expect(packArtifact(sampleArtifactDraft(6)).version).not.toBe(packed.version);
    expect(packArtifact(sampleArtifactDraft(5)).version).toBe(packed.version);
  });

  it('lays tensors out at 8-byte aligned offsets with int8 scales after their tensor', () => {
    const [kernel, recurrent, bias] = packed.manifest.models.lstm.tensors;
    expect(kernel).toMatchObject({ dtype: 'int8', byteOffset: 0, byteLength: 20 * 16, scales: { byteOffset: 320, byteLength: 64 } });
    expect(recurrent).toMatchObject({ dtype: 'fp16', byteOffset: 384, byteLength: 4 * 16 * 2 });
    expect(bias).toMatchObject({ dtype: 'fp32', byteOffset: 512, byteLength: 64 });
  });

  it('reads back dequantized tensors within each dtype error bound', async () => {
    const loaded = await readArtifact(manifestBytes(packed.manifest), reader(packed.blobs), packed.version);
    const originals = draft.models.lstm.tensors;
    const { kernel, recurrentKernel, bias } = loaded.models.lstm.tensors;
    expect(kernel.shape).toEqual([20, 16]);
    const scales = new Float32Array(packed.blobs.get('lstm.bin')!.slice(320, 384).buffer);
    for (let i = 0; i < kernel.values.length; i++) {
      expect(Math.abs(kernel.values[i] - originals[0].values[i])).toBeLessThanOrEqual(scales[i % 16] / 2 + 1e-7);
    }
    for (let i = 0; i < recurrentKernel.values.length; i++) {
      // fp16 keeps 11 significant bits: relative error <= 2^-11 for normal values.
      expect(Math.abs(recurrentKernel.values[i] - originals[1].values[i])).toBeLessThanOrEqual(Math.abs(originals[1].values[i]) * 2 ** -11 + 2 ** -25);
    }
    expect(bias.values).toEqual(Float32Array.from(originals[2].values));
    expect(loaded.models.forest.trees).toEqual({ json: { format: 'test', nodeCount: 3 }, buffers: { threshold: Uint8Array.from([1, 2, 3, 4, 5]), feature: Uint8Array.from([9, 8]) } });
  });

  it('decodes the same from blobs at odd offsets in their buffer (as a network body may arrive)', async () => {
    const unaligned = new Map<string, Uint8Array>();
    for (const [name, bytes] of packed.blobs) {
      const buffer = new Uint8Array(bytes.byteLength + 1);
      buffer.set(bytes, 1);
      unaligned.set(name, buffer.subarray(1));
    }
    const aligned = await readArtifact(manifestBytes(packed.manifest), reader(packed.blobs), packed.version);
    const shifted = await readArtifact(manifestBytes(packed.manifest), reader(unaligned), packed.version);
    expect(shifted.models).toEqual(aligned.models);
  });

  it('refuses a manifest stored under another version, a missing, corrupted, truncated or padded blob', async () => {
    const bytes = manifestBytes(packed.manifest);
    const other = '0'.repeat(64);
    await expect(readArtifact(bytes, reader(packed.blobs), other)).rejects.toThrow(`artifact 000000000000: manifest.json is corrupted`);
    const variants: [string, Uint8Array | undefined, RegExp][] = [
      ['missing', undefined, /forest\.bin is missing/],
      ['flipped', Uint8Array.from([1, 2, 3, 4, 5, 0, 0, 0, 9, 7]), /forest\.bin is corrupted: sha256/],
      ['truncated', Uint8Array.from([1, 2, 3]), /forest\.bin is truncated: 3 bytes, the manifest says 10/],
      ['padded', new Uint8Array(11), /forest\.bin is too long: 11 bytes/],
    ];
    for (const [, bytesOfForest, message] of variants) {
      const blobs = new Map(packed.blobs);
      if (bytesOfForest) blobs.set('forest.bin', bytesOfForest);
      else blobs.delete('forest.bin');
      const error = await readArtifact(bytes, reader(blobs), packed.version).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArtifactIntegrityError);
      expect((error as ArtifactIntegrityError).object).toBe('forest.bin');
      expect(String(error)).toContain(packed.version.slice(0, 12));
      expect(String(error)).toMatch(message);
    }
    await expect(readArtifact(encodeUtf8('{"formatVersion":'), reader(packed.blobs), packed.version)).rejects.toThrow(/manifest\.json is not UTF-8 JSON/);
  });

  it('refuses NaN in a manifest instead of writing null', () => {
    expect(() => packArtifact({ ...draft, metrics: { accuracy: Number.NaN } })).toThrow('$.metrics.accuracy is NaN');
  });
});
