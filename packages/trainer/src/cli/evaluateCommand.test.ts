import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../report/Report';
import { runCandlecast } from './testing/runCandlecast';

const dir = mkdtempSync(join(tmpdir(), 'candlecast-evaluate-'));
const configPath = join(dir, 'small-trees.json');
writeFileSync(configPath, JSON.stringify({ trees: { rf: { trees: 10 }, gbdt: { rounds: 20 } } }));

const candlecast = runCandlecast;

describe('candlecast evaluate', () => {
  afterEach(() => {
    process.exitCode = 0;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('evaluates generated candles and writes report.json, report.html and the summary', async () => {
    const out = join(dir, 'report');
    const args = ['evaluate', '--candles', '2500', '--models', 'rf,gbdt', '--config', configPath, '--quick', '--window', '30', '--backend', 'cpu'];
    const result = await candlecast(...args, '--importance-samples', '100', '--fee-bps', '5', '--report', out);
    expect(result.exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.json']);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.folds).toHaveLength(2);
    expect(report.data.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.data.source).toBe('synthetic market (2500 candles, seed 7)');
    expect(report.backtest.ensemble.map((level) => [level.feeBps, level.spreadBps])).toEqual([
      [0, 0],
      [5, 1],
    ]);
    expect(report.config).toMatchObject({ quick: true, backend: 'cpu', windowLength: 30, modelConfigs: { rf: { trees: 10 }, gbdt: { rounds: 20 } } });
    expect(report.config.command).toContain('--fee-bps 5');
    for (const name of ['ensemble', 'rf', 'gbdt', 'majority class', 'reverse last candle', 'follow last candle', 'random forest']) {
      expect(result.stdout).toMatch(new RegExp(`^${name}[ *]`, 'm'));
    }
    expect(result.stderr).toMatch(/fold 2\/2 {2}rf {14}trained in/);
    expect(result.stderr).toContain('positive control: rf fed the planted next-candle return');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('data-row="gbdt"');
  });

  it('describes every option in --help', async () => {
    const result = await candlecast('evaluate', '--help');
    const options = ['--data', '--candles', '--config', '--folds', '--models', '--report', '--quick', '--epochs', '--samples-per-epoch', '--max-minutes-per-model'];
    for (const option of [...options, '--batch-size', '--engine', '--window', '--gaps', '--backend', '--seed', '--embargo', '--fee-bps', '--spread-bps', '--suspicion', '--importance-samples', '--abstain-coverage']) {
      expect(result.stdout).toMatch(new RegExp(`^ +${option}\\b.* {2}\\S`, 'm'));
    }
  });

  it.each([
    [['--fee-bps', '-1'], /--fee-bps must be a number from 0 to 10000, got "-1"/],
    [['--folds', '0'], /--folds must be an integer from 1 to 50, got "0"/],
    [['--models', 'rf,nope'], /--models: unknown model "nope"/],
    [['--suspicion', '1.5'], /--suspicion must be a number from 0.5 to 1, got "1.5"/],
    [['--max-minutes-per-model', 'soon'], /--max-minutes-per-model must be a number/],
    [['--gaps', 'skip'], /--gaps must be fail, fill or segment, got "skip"/],
    [['--engine', 'gpu'], /--engine must be one of auto, fast, tfjs, got "gpu"/],
  ])('rejects %j with an error naming the option', async (bad, message) => {
    const result = await candlecast('evaluate', '--report', join(dir, 'never'), ...bad);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
  });
});
