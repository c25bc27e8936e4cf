import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { TINY_MODEL } from '../training/testFixtures';
import { runCandlecast } from './testing/runCandlecast';

const dir = mkdtempSync(join(tmpdir(), 'candlecast-train-'));
const configPath = join(dir, 'tiny.json');
writeFileSync(configPath, JSON.stringify({ model: { ...TINY_MODEL, recurrentUnits: [4] }, training: { batchSize: 32, learningRate: 0.01 } }));

const candlecast = runCandlecast;

describe('candlecast train', () => {
  afterEach(() => {
    process.exitCode = 0;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains on generated candles and reports accuracy beside the baselines on the same samples', async () => {
    const out = join(dir, 'run');
    const args = ['train', '--candles', '700', '--config', configPath, '--models', 'lstm,transformer', '--epochs', '2', '--samples-per-epoch', '96'];
    const result = await candlecast(...args, '--window', '30', '--backend', 'cpu', '--seed', '3', '--out', out);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^backend {8}cpu$/m);
    expect(result.stdout).toMatch(/^samples {8}train \d+ \/ validation \d+ \/ test \d+, window 30 x 20$/m);
    for (const line of ['lstm', 'transformer', 'majority class', 'reverse last candle']) {
      expect(result.stdout).toMatch(new RegExp(`^${line} +\\d+\\.\\d\\d% +\\d+\\.\\d\\d%$`, 'm'));
    }
    expect(result.stderr).toContain('lstm  epoch 2/2');
    expect(readdirSync(out).sort()).toEqual(['artifact', 'dataset.json', 'lstm', 'summary.json', 'transformer']);
    expect(readdirSync(join(out, 'artifact')).sort()).toEqual(['lstm.bin', 'manifest.json', 'transformer.bin']);
    expect(readdirSync(join(out, 'lstm')).sort()).toEqual(['checkpoints', 'config.json', 'history.json', 'metrics.json', 'model.json', 'training.jsonl', 'weights.bin']);
    const metrics = JSON.parse(readFileSync(join(out, 'lstm', 'metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({ model: 'lstm', backend: 'cpu', epochsRun: 2 });
    expect(metrics.validationAccuracy).toBeGreaterThan(0);
    expect(Object.keys(metrics.baselines)).toEqual(['majority class', 'reverse last candle']);
    const dataset = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8'));
    expect(dataset).toMatchObject({ windowLength: 30, gapPolicy: 'fill', seed: 3 });
    expect(dataset.normalisation.mean).toHaveLength(20);

    const resumed = await candlecast(...args, '--window', '30', '--backend', 'cpu', '--seed', '3', '--out', out, '--models', 'lstm', '--epochs', '3', '--resume');
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stderr).toContain('lstm  epoch 2/3  resumed after epoch 2');
    expect(JSON.parse(readFileSync(join(out, 'lstm', 'metrics.json'), 'utf8'))).toMatchObject({ epochsRun: 3, resumedFrom: 2 });
  });

  it.each([
    [['--epochs', '0'], '--epochs must be an integer from 1 to 100, got "0"'],
    [['--window', '10'], '--window must be an integer from 30 to 120, got "10"'],
    [['--models', 'lstm,cnn'], '--models: unknown model "cnn"; known: lstm'],
    [['--backend', 'gpu'], '--backend must be one of auto, tensorflow, wasm, cpu, got "gpu"'],
    [['--gaps', 'skip'], '--gaps must be fail, fill or segment, got "skip"'],
    [['--max-minutes', 'soon'], '--max-minutes must be a number from 0.01'],
    [['--config', join(dir, 'absent.json')], 'cannot read config'],
  ])('rejects %j with a message naming the option', async (extra, message) => {
    const result = await candlecast('train', '--out', join(dir, 'bad'), ...extra);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('documents every option in --help', async () => {
    const result = await candlecast('train', '--help');
    for (const option of ['--data', '--config', '--models', '--out', '--epochs', '--batch-size', '--window', '--backend', '--seed', '--resume', '--max-minutes']) {
      expect(result.stdout).toContain(option);
    }
  });
});
