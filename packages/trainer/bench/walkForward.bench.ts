import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchDataPath } from './benchData';

const REPO = resolve(import.meta.dirname, '../../..');

/**
 * Wall time of the full walk-forward evaluation with the reference configuration: `candlecast
 * evaluate --data <BTCUSDT> --models rf,gbdt,lstm --folds 5` (reference LSTM, up to 50 epochs with
 * early stopping, 200-tree forest, boosting up to 300 rounds, canaries, backtest, importance) as a
 * child process, as a user runs it: LSTM training ends by early stopping only. A quick run can
 * bound deep training per fold with $CANDLECAST_BENCH_WALKFORWARD_MAX_MINUTES (passed as
 * `--max-minutes-per-model`; unset or "0": no bound, the reference configuration); per fold the LSTM's training time and epochs are read from the log, which
 * says whether early stopping or the budget ended it. The evaluate log is kept in
 * bench/walkForward-evaluate.log at the repository root (ignored by git).
 */
export async function benchWalkForward(): Promise<Record<string, unknown>> {
  const budget = process.env.CANDLECAST_BENCH_WALKFORWARD_MAX_MINUTES ?? '0';
  const data = benchDataPath();
  const report = mkdtempSync(join(tmpdir(), 'candlecast-bench-evaluate-'));
  const args = ['evaluate', ...(data ? ['--data', data] : ['--candles', '30240']), '--models', 'rf,gbdt,lstm', '--folds', '5', '--report', report];
  if (budget !== '0') args.push('--max-minutes-per-model', budget);
  const started = performance.now();
  const log = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, [join(REPO, 'packages/trainer/bin/candlecast.js'), ...args], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(stderr) : fail(new Error(`candlecast evaluate exited ${code}: ${stderr.slice(-2000)}`))));
  });
  const wallMinutes = (performance.now() - started) / 60_000;
  const { wallSeconds } = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as { wallSeconds: number };
  rmSync(report, { recursive: true, force: true });
  mkdirSync(join(REPO, 'bench'), { recursive: true });
  writeFileSync(join(REPO, 'bench/walkForward-evaluate.log'), log);

  // Per fold: "lstm  epoch 3/50 ..." lines, then "[  1m 2s] fold 2/5  lstm  trained in 61.3 s".
  const lstmFolds: string[] = [];
  let epochs = 0;
  let lastEpochLine = '';
  for (const line of log.split(/\r?\n/)) {
    if (/^lstm\s+epoch \d+\/\d+\s+loss/.test(line)) epochs++;
    if (/^lstm\s+epoch /.test(line)) lastEpochLine = line;
    const trained = /fold (\d+)\/\d+\s+lstm\s+trained in ([\d.]+) s/.exec(line);
    if (trained) {
      lstmFolds.push(`fold ${trained[1]}: ${trained[2]} s, ${epochs} epoch${epochs === 1 ? '' : 's'}${/time budget/.test(lastEpochLine) ? ' (budget)' : ''}`);
      epochs = 0;
    }
  }
  return {
    minutes: Math.round((wallSeconds / 60) * 100) / 100,
    processMinutes: Math.round(wallMinutes * 100) / 100,
    maxMinutesPerModel: budget === '0' ? 'none (early stopping only)' : Number(budget),
    lstmPerFold: lstmFolds.join('; '),
    command: `candlecast ${args.join(' ').replace(report, '<tmp>')}`,
  };
}
