/**
 * Runs in Node before the workerd tests: trains a small artifact for real (rf, gbdt and an LSTM on
 * a generated market, through the trainer's own pipeline) and hands it to the tests, which publish
 * it into Miniflare's R2 and ask the Worker for signals. workerd cannot run tfjs training, so the
 * training happens here, exactly as `candlecast train` would do it.
 */
import type { TestProject } from 'vitest/node';
import '../src/testing/TrainedArtifactFixture';

export default async function setup(project: TestProject): Promise<void> {
  const { trainTinyArtifact } = await import('@candlecast/trainer/testing');
  const tiny = await trainTinyArtifact();
  project.provide('trainedArtifact', {
    version: tiny.packed.version,
    manifest: JSON.stringify(tiny.packed.manifest),
    blobs: Object.fromEntries([...tiny.packed.blobs].map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')])),
    cases: tiny.cases.map((c) => ({ candles: c.candles.map((x) => [x.time, x.open, x.high, x.low, x.close, x.volume]), trainer: c.trainer })),
  });
}
