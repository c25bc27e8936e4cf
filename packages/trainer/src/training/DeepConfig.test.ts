import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEEP_CONFIG, loadDeepConfigFile, resolveDeepConfig } from './DeepConfig';
import { DEFAULT_TRAINING_CONFIG } from './TrainingConfig';

const dir = mkdtempSync(join(tmpdir(), 'candlecast-config-'));

describe('resolveDeepConfig', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills every field with the reference defaults', () => {
    expect(resolveDeepConfig({})).toEqual(DEFAULT_DEEP_CONFIG);
    expect(DEFAULT_TRAINING_CONFIG).toMatchObject({ epochs: 50, batchSize: 64, classWeight: 'balanced' });
  });

  it('applies a per-model override on top of the shared sections', () => {
    const raw = { training: { epochs: 10 }, overrides: { transformer: { training: { learningRate: 0.0005 }, model: { dropout: 0.1 } } } };
    expect(resolveDeepConfig(raw, 'transformer')).toMatchObject({ training: { epochs: 10, learningRate: 0.0005 }, model: { dropout: 0.1 } });
    expect(resolveDeepConfig(raw, 'lstm')).toMatchObject({ training: { epochs: 10, learningRate: 0.001 }, model: { dropout: 0.2 } });
  });

  it.each([
    [{ training: { epochs: 101 } }, /training\.epochs: must be an integer from 1 to 100, got 101/],
    [{ training: { classWeight: 'auto' } }, /training\.classWeight: must be "balanced", "none" or \[sellWeight, buyWeight\]/],
    [{ training: { maxMinutes: -1 } }, /training\.maxMinutes: must be a number from 0/],
    [{ overrides: { gru: { model: { denseUnits: 0 } } } }, /overrides\.gru\.model\.denseUnits: must be an integer from 1 to 1024, got 0/],
    [{ modle: {} }, /modle: unknown field; known: model, training, overrides/],
    [[], /\(root\): must be an object/],
  ])('names the bad field of %j', (raw, message) => {
    expect(() => resolveDeepConfig(raw, 'gru')).toThrow(message);
  });

  it('loads a JSON file and names the file with the field', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ model: { windowLength: 90 }, training: { samplesPerEpoch: null, classWeight: [1, 2] } }));
    expect(loadDeepConfigFile(good, 'lstm')).toMatchObject({ model: { windowLength: 90, minHistory: 90 }, training: { samplesPerEpoch: null, classWeight: [1, 2] } });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ training: { batchSize: 'big' } }));
    expect(() => loadDeepConfigFile(bad)).toThrow(/training\.batchSize: must be an integer from 1 to 8192, got "big" \(in .*bad\.json\)/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "model": ');
    expect(() => loadDeepConfigFile(broken)).toThrow(/broken\.json: not valid JSON/);
    expect(() => loadDeepConfigFile(join(dir, 'absent.json'))).toThrow(/cannot read config .*absent\.json/);
  });
});
