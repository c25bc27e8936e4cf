import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packArtifact } from '@candlecast/shared/artifact';
import { sampleArtifactDraft } from '@candlecast/shared/artifact/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { writeArtifactDirectory } from '../stores/artifactDirectory';
import { runCandlecast } from './testing/runCandlecast';
import { metricsSummary } from './versionsCommand';

/** Runs the CLI in-process; returns what it printed and the exit code it set. */
async function candlecast(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const { stdout, stderr, exitCode } = await runCandlecast(...args);
  return { out: stdout, err: stderr, code: exitCode };
}

async function artifactDirs(count: number) {
  const root = mkdtempSync(join(tmpdir(), 'candlecast-cli-'));
  const artifacts = [];
  for (let day = 1; day <= count; day++) {
    const packed = packArtifact(sampleArtifactDraft(day, new Date(Date.UTC(2024, 2, day)).toISOString()));
    const dir = join(root, `run-${day}`);
    await writeArtifactDirectory(dir, packed);
    artifacts.push({ dir, version: packed.version, short: packed.version.slice(0, 12) });
  }
  return { store: join(root, 'store'), artifacts };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('artifact commands', () => {
  it('publish, versions, promote, rollback and gc on a folder store', async () => {
    const { store, artifacts: [a, b, c] } = await artifactDirs(3);
    const published = await candlecast('publish', a.dir, '--store', store, '--tag', 'stable', '--by', 'ci');
    expect(published.out).toMatch(new RegExp(`^published ${a.version} \\(\\d+\\.\\d KiB\\) in file://`));
    expect(published.out).toContain(`tag stable -> ${a.short}`);
    expect((await candlecast('publish', a.dir, '--store', store)).out).toMatch(/^already published/);
    await candlecast('publish', b.dir, '--store', store, '--tag', 'canary', '--percent', '10');
    await candlecast('publish', c.dir, '--store', store);

    const listing = (await candlecast('versions', '--store', store)).out.trimEnd().split('\n');
    expect(listing[0]).toMatch(/^VERSION\s+CREATED \(UTC\)\s+TAGS\s+SIZE\s+METRICS$/);
    expect(listing.slice(1).map((line) => line.split(/\s{2,}/))).toEqual([
      [c.short, '2024-03-03 00:00', '-', expect.stringMatching(/KiB$/), 'accuracy=0.537 ece=0.012 serving.accuracyFp32=0.537 serving.accuracyServed=0.537'],
      [b.short, '2024-03-02 00:00', 'canary 10%', expect.stringMatching(/KiB$/), 'accuracy=0.537 ece=0.012 serving.accuracyFp32=0.537 serving.accuracyServed=0.537'],
      [a.short, '2024-03-01 00:00', 'stable', expect.stringMatching(/KiB$/), 'accuracy=0.537 ece=0.012 serving.accuracyFp32=0.537 serving.accuracyServed=0.537'],
    ]);

    const promoted = await candlecast('promote', c.version.slice(0, 8), '--tag', 'stable', '--store', store);
    expect(promoted.out).toBe(`tag stable -> ${c.short} (rollback goes to ${a.short})\n`);
    expect((await candlecast('rollback', '--tag', 'stable', '--store', store)).out).toBe(`tag stable rolled back to ${a.short}\n`);

    const gc = await candlecast('gc', '--keep', '0', '--store', store);
    // After the rollback, stable has no rollback target left: c, rolled back from, is not protected.
    expect(gc.out).toContain(`kept ${a.short} (tag stable)\n`);
    expect(gc.out).toContain(`kept ${b.short} (tag canary)`);
    expect(gc.out).toContain(`deleted ${c.short}`);
    expect((await candlecast('versions', '--store', store)).out).not.toContain(c.short);
  });

  it('prints one clear line and exits 1 on known errors', async () => {
    const { store, artifacts: [a] } = await artifactDirs(1);
    const nothing = await candlecast('rollback', '--tag', 'stable', '--store', store);
    expect(nothing).toMatchObject({ code: 1, err: expect.stringContaining('tag "stable" does not exist') });
    expect((await candlecast('promote', 'abcd', '--store', store)).err).toContain('no published version starts with "abcd"');
    expect((await candlecast('publish', a.dir, '--store', store, '--tag', 'canary', '--percent', '200')).err).toContain('--percent must be a number from 0 to 100');
    expect((await candlecast('gc', '--keep', '-1', '--store', store)).err).toContain('--keep must be an integer');
    expect((await candlecast('publish', store, '--store', store)).err).toContain('has no manifest.json');
  });

  it('refuses to publish a directory whose blob was corrupted after training wrote it', async () => {
    const { store, artifacts: [a] } = await artifactDirs(1);
    const blob = join(a.dir, 'lstm.bin');
    const bytes = readFileSync(blob);
    bytes[7] ^= 0xff;
    writeFileSync(blob, bytes);
    const result = await candlecast('publish', a.dir, '--store', store);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`artifact ${a.short}: lstm.bin is corrupted`);
    expect((await candlecast('versions', '--store', store)).out).toContain('no versions in');
  });

  it('refuses an artifact whose serving check failed unless told to publish it anyway', async () => {
    const { store, artifacts: [a] } = await artifactDirs(1);
    const path = join(a.dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    manifest.metrics.serving = { ...manifest.metrics.serving, signalAgreement: 0.97, accuracyServed: 0.53, passed: false };
    writeFileSync(path, JSON.stringify(manifest));
    const refused = await candlecast('publish', a.dir, '--store', store);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('refusing to publish: int8 signals agree with fp32 on 97.00% of 100 test windows (needs >= 99.5%)');
    expect((await candlecast('versions', '--store', store)).out).toContain('no versions in');
    const forced = await candlecast('publish', a.dir, '--store', store, '--allow-unchecked');
    expect(forced.out).toMatch(/^published [0-9a-f]{64}/);
  });

  it('summarises up to four numeric metrics, one level deep', () => {
    expect(metricsSummary({ accuracy: 0.53712, folds: [1, 2], test: { ece: 0.0123456, n: 120 }, note: 'x', brier: 0.25, auc: 0.6 })).toBe(
      'accuracy=0.5371 test.ece=0.01235 test.n=120 brier=0.25',
    );
  });
});
