/**
 * The Worker end to end inside workerd with real Miniflare R2: an artifact trained in Node (see
 * test/trainedArtifact.globalSetup.ts) is published into the MODELS bucket with the shared publish
 * protocol, then the Worker's fetch handler serves signals for raw candle tails. Its answers must
 * equal the golden outputs the trainer computed with the same shared engine in Node, and stay
 * within int8 quantization noise of the trainer's own (tfjs / in-memory trees) predictions.
 */
import { env, SELF } from 'cloudflare:test';
import { publishArtifact, type PackedArtifact } from '@candlecast/shared';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { R2Store } from './stores/R2Store';
import './testing/TrainedArtifactFixture';

const fixture = inject('trainedArtifact');

function packed(): PackedArtifact {
  const blobs = new Map(Object.entries(fixture.blobs).map(([name, b64]) => [name, Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0))]));
  return { version: fixture.version, manifest: JSON.parse(fixture.manifest), blobs };
}

async function signal(candles: number[][], headers: Record<string, string> = {}) {
  const response = await SELF.fetch('https://edge.test/v1/signal', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ symbol: 'SYNTH', interval: '1m', candles }),
  });
  return { response, body: (await response.json()) as Record<string, any> };
}

describe('Worker over R2', () => {
  beforeAll(async () => {
    await publishArtifact(new R2Store(env.MODELS), packed(), { tag: 'stable', updatedBy: 'test' });
  });

  it('is ready once the stable tag points at a published version', async () => {
    const ready = await SELF.fetch('https://edge.test/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, tags: { stable: { version: fixture.version, degraded: false } } });
  });

  it('runs the LSTM in the inference.wasm the Worker imports (not the TypeScript fallback)', async () => {
    const models = (await (await SELF.fetch('https://edge.test/v1/models')).json()) as Record<string, any>;
    expect(JSON.stringify(models)).toContain('"kernels":"wasm-simd"');
    expect(JSON.parse(fixture.manifest).metrics.serving.kernels).toBe('wasm-simd');
  });

  it('reproduces the golden outputs recorded at training time', async () => {
    const manifest = JSON.parse(fixture.manifest);
    expect(manifest.golden.length).toBeGreaterThan(0);
    for (const golden of manifest.golden) {
      const { response, body } = await signal(golden.input.candles);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-candlecast-version')).toBe(fixture.version);
      expect(body.probability.buy).toBeCloseTo(golden.outputs.pBuy, 5);
      expect(body.signal).toBe(golden.outputs.signal);
      for (const [name, p] of Object.entries(golden.outputs.members as Record<string, number>)) expect(body.models[name].buy).toBeCloseTo(p, 5);
    }
  });

  it("agrees with the trainer's own predictions on the same candles, within quantization noise", async () => {
    for (const testCase of fixture.cases) {
      const { body } = await signal(testCase.candles);
      for (const [name, p] of Object.entries(testCase.trainer)) {
        if (!body.models[name]) continue; // the ensemble may weight a member 0
        // Trees are exact; the int8 LSTM moves probabilities by well under 0.01.
        expect(Math.abs(body.models[name].buy - p), name).toBeLessThan(name === 'lstm' ? 0.01 : 1e-6);
      }
    }
  });

  it('answers malformed input with a 4xx naming the field, never a 500', async () => {
    const candles = fixture.cases[0].candles.map((c) => [...c]);
    candles[10][2] = candles[10][3] - 1;
    const { response, body } = await signal(candles);
    expect(response.status).toBe(400);
    expect(body.error.field).toBe('candles[10].high');
    const short = await signal(fixture.cases[0].candles.slice(0, 50));
    expect(short.response.status).toBe(422);
    expect(short.body.error.message).toContain(`needs at least ${JSON.parse(fixture.manifest).minCandles}`);
  });
});
