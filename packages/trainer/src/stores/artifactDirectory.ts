import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CandlecastError } from '@candlecast/shared';
import { artifactVersion, parseManifest, verifyBlob, type PackedArtifact } from '@candlecast/shared/artifact';

/** The manifest's file name in an artifact directory; every blob object sits beside it under its own name. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Writes an artifact directory, the form training leaves on disk and `candlecast publish` reads:
 * `<dir>/manifest.json` (indented JSON; the version is computed from its canonical form, so
 * formatting does not matter) and one file per blob object, e.g. `<dir>/lstm.bin`. Blobs first.
 */
export async function writeArtifactDirectory(dir: string, artifact: PackedArtifact): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of artifact.blobs) await writeFile(join(dir, name), bytes);
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(artifact.manifest, null, 2)}\n`);
}

/** Reads and verifies an artifact directory: the manifest validates and every blob matches its length and sha256. */
export async function readArtifactDirectory(dir: string): Promise<PackedArtifact> {
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = new Uint8Array(await readFile(join(dir, MANIFEST_FILE)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CandlecastError('not_an_artifact', `${dir} has no ${MANIFEST_FILE}; an artifact directory holds manifest.json and its blob files`);
    }
    throw error;
  }
  const manifest = parseManifest(manifestBytes);
  const version = artifactVersion(manifest);
  const blobs = new Map<string, Uint8Array>();
  for (const entry of manifest.blobs) {
    const bytes = await readFile(join(dir, entry.name)).then(
      (buffer) => new Uint8Array(buffer),
      () => null,
    );
    blobs.set(entry.name, verifyBlob(version, entry, bytes));
  }
  return { version, manifest, blobs };
}
