import { describe, expect, it } from 'vitest';
import { MemorySource, testModel } from '../app/testModel';
import { ModelRegistry } from './ModelRegistry';

function setup() {
  let now = 0;
  const source = new MemorySource();
  source.models.set('v1', testModel('v1'));
  source.models.set('v2', testModel('v2'));
  source.pointers.set('stable', { version: 'v1' });
  const registry = new ModelRegistry(source, { ttlMs: 1000, now: () => now });
  return { registry, source, advance: (ms: number) => (now += ms) };
}

describe('ModelRegistry', () => {
  it('loads a tag once and re-reads the pointer only after the TTL', async () => {
    const { registry, source, advance } = setup();
    expect((await registry.get('stable')).model?.version).toBe('v1');
    source.pointers.set('stable', { version: 'v2' });
    advance(999);
    expect((await registry.get('stable')).model?.version).toBe('v1');
    advance(1);
    expect((await registry.get('stable')).model?.version).toBe('v2');
    expect(source.loads).toBe(2);
  });

  it('does not reload an unchanged version', async () => {
    const { registry, source, advance } = setup();
    await registry.get('stable');
    advance(5000);
    await registry.get('stable');
    expect(source.loads).toBe(1);
  });

  it('keeps serving the last good version when storage fails, and says so', async () => {
    const { registry, source, advance } = setup();
    await registry.get('stable');
    source.failing = true;
    advance(2000);
    const state = await registry.get('stable');
    expect(state.model?.version).toBe('v1');
    expect(state.error).toBe('storage unavailable');
    source.failing = false;
    advance(2000);
    expect((await registry.get('stable')).error).toBeNull();
  });

  it('keeps the old version when the new one fails to load (never swaps to a half-loaded model)', async () => {
    const { registry, source, advance } = setup();
    await registry.get('stable');
    source.pointers.set('stable', { version: 'v3-missing' });
    advance(2000);
    const state = await registry.get('stable');
    expect(state.model?.version).toBe('v1');
    expect(state.error).toMatch(/v3-missing not found/);
  });

  it('shares one refresh between concurrent requests', async () => {
    const { registry, source } = setup();
    await Promise.all(Array.from({ length: 20 }, () => registry.get('stable')));
    expect(source.loads).toBe(1);
  });
});
