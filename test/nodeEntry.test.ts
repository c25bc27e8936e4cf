/**
 * The Node entry of the edge over the local folder store: a really trained artifact is published
 * with the CLI's store and protocol, the app answers through `app.request()` exactly what the
 * trainer's shared engine recorded (golden vectors), and the Node server answers over HTTP.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, ModelRegistry, StoreArtifactSource } from '@candlecast/edge';
import { startNodeServer } from '@candlecast/edge/node';
import { publishArtifact } from '@candlecast/shared';
import { trainTinyArtifact, type TinyArtifact } from '@candlecast/trainer/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { FolderStore } from '../packages/trainer/src/stores/FolderStore';

let tiny: TinyArtifact;
let store: FolderStore;

beforeAll(async () => {
  tiny = await trainTinyArtifact({ seed: 9 });
  store = new FolderStore(mkdtempSync(join(tmpdir(), 'candlecast-node-entry-')));
  await publishArtifact(store, tiny.packed, { tag: 'stable', updatedBy: 'test' });
});

const body = (candles: number[][]) => JSON.stringify({ symbol: 'SYNTH', interval: '1m', candles });

describe('edge Node entry over the folder store', () => {
  it('serves the golden outputs through app.request()', async () => {
    const app = createApp({ registry: new ModelRegistry(new StoreArtifactSource(store)) });
    for (const golden of tiny.packed.manifest.golden as { input: { candles: number[][] }; outputs: { pBuy: number; signal: string; members: Record<string, number> } }[]) {
      const response = await app.request('/v1/signal', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(golden.input.candles) });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { probability: { buy: number }; signal: string; version: string; models: Record<string, { buy: number }> };
      expect(answer.version).toBe(tiny.packed.version);
      expect(answer.probability.buy).toBeCloseTo(golden.outputs.pBuy, 6);
      expect(answer.signal).toBe(golden.outputs.signal);
      for (const [name, p] of Object.entries(golden.outputs.members)) expect(answer.models[name].buy).toBeCloseTo(p, 6);
    }
  });

  it('answers over HTTP from the Node server, and 422 for too few candles', async () => {
    const server = await startNodeServer({ store, port: 0 });
    try {
      const candles = tiny.cases[0].candles.map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume]);
      const ok = await fetch(`${server.url}/v1/signal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(candles) });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-candlecast-version')).toBe(tiny.packed.version);
      const short = await fetch(`${server.url}/v1/signal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(candles.slice(-20)) });
      expect(short.status).toBe(422);
      expect(((await short.json()) as { error: { message: string } }).error.message).toContain(`needs at least ${tiny.packed.manifest.minCandles}`);
    } finally {
      await server.close();
    }
  });
});
