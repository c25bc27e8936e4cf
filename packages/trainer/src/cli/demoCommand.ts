import { loadInferenceWasm } from '../wasm/inferenceWasm';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { startNodeServer } from '@candlecast/edge/node';
import { CandlecastError } from '@candlecast/shared';
import { loadCandles } from '../data/loadCandles';
import { DEFAULT_STORE, openStore } from '../stores/openStore';
import { parseIntegerOption } from './options';

interface DemoOptions {
  data?: string;
  out: string;
  store: string;
  serve?: boolean;
  port: string;
}

type Run = (argv: string[]) => Promise<void>;

/**
 * `candlecast demo`: the whole loop on one machine with nothing to set up. Candles (generated, or
 * --data) -> train rf, gbdt and the reference LSTM (bounded epochs) -> walk-forward evaluation
 * report -> publish to the local folder store as `stable` -> start the edge (Node entry) -> ask it
 * for a signal -> print it. Each step is the same CLI command a user would run.
 */
export function registerDemoCommand(program: Command, run: Run): void {
  program
    .command('demo')
    .description('Run the whole loop locally: train, evaluate, publish as stable, serve, and request a signal.')
    .option('--data <file>', 'candles as CSV or JSON; default: a generated market')
    .option('--out <dir>', 'where the run, its models, artifact and report go', 'runs/demo')
    .option('--store <uri>', 'artifact store to publish to', DEFAULT_STORE)
    .option('--port <n>', 'port for the API (0 = any free port)', '0')
    .option('--serve', 'keep serving the API after the demo request (Ctrl-C stops it)')
    .action(async (options: DemoOptions) => {
      await runDemo(options, run);
    });
}

async function runDemo(options: DemoOptions, run: Run): Promise<void> {
  const port = parseIntegerOption('--port', options.port, 0, 65535);
  const out = resolve(options.out);
  const started = performance.now();
  const step = (n: number, text: string) => process.stdout.write(`\n\u001b[1m[${n}/5] ${text}\u001b[0m  (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  await mkdir(out, { recursive: true });
  const dataArgs = options.data ? ['--data', options.data] : ['--candles', '20000'];
  const deepConfig = join(out, 'demo-config.json');
  // The reference architecture, bounded: 4 epochs of 4,096 windows (the fast CPU engine makes that
  // well under a minute on 2 cores). `candlecast train` without these caps trains to early stopping.
  await writeFile(deepConfig, `${JSON.stringify({ training: { epochs: 4, samplesPerEpoch: 4096, patience: 2 } }, null, 2)}\n`);

  step(1, 'train: random forest, boosted trees and the reference LSTM');
  await run(['train', ...dataArgs, '--models', 'rf,gbdt,lstm', '--config', deepConfig, '--out', join(out, 'train')]);

  step(2, 'evaluate: walk-forward folds beside the baselines (quick mode)');
  await run(['evaluate', ...dataArgs, '--quick', '--models', 'rf,gbdt,lstm', '--report', join(out, 'report')]);

  step(3, `publish the artifact to ${options.store} as stable`);
  await run(['publish', join(out, 'train', 'artifact'), '--store', options.store, '--tag', 'stable', '--by', 'demo']);

  step(4, 'start the signal API (the edge app on Node)');
  const store = await openStore(options.store);
  const server = await startNodeServer({ store, port, wasm: loadInferenceWasm().module });
  try {
    const { candles } = loadCandles(options.data ? { data: options.data } : { synthetic: { count: 20_000, seed: 7 } });
    const models = (await (await fetch(`${server.url}/v1/models`)).json()) as { tags: { stable: { minCandles: number; version: string } | null } };
    if (!models.tags.stable) throw new CandlecastError('demo_failed', 'the API has no stable version after publishing');
    const tail = candles.slice(-models.tags.stable.minCandles).map((c) => [c.time, c.open, c.high, c.low, c.close, c.volume]);
    const body = JSON.stringify({ symbol: options.data ? 'DATA' : 'SYNTH', interval: '1m', candles: tail });
    const requestFile = join(out, 'signal-request.json');
    await writeFile(requestFile, body);

    step(5, `request a signal for the last candle: POST ${server.url}/v1/signal`);
    const response = await fetch(`${server.url}/v1/signal`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const signal = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) throw new CandlecastError('demo_failed', `the API answered ${response.status}: ${JSON.stringify(signal)}`);
    process.stdout.write(`${JSON.stringify({ ...signal, attention: signal.attention ? '[...]' : undefined }, null, 2)}\n`);
    const reportHtml = join(out, 'report', 'report.html');
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    process.stdout.write(
      [
        '',
        `done in ${seconds} s.`,
        `  report      ${reportHtml} (open it in a browser; report.json beside it)`,
        `  artifact    ${join(out, 'train', 'artifact')} (published to ${options.store} as stable)`,
        `  serve it    npx candlecast serve --store ${options.store}`,
        `  then curl   curl -s -X POST http://127.0.0.1:8787/v1/signal -H 'content-type: application/json' --data @${requestFile}`,
        `  docs        http://127.0.0.1:8787/docs`,
        '',
      ].join('\n'),
    );
    if (options.serve) {
      process.stdout.write(`serving on ${server.url} until Ctrl-C\n`);
      await new Promise<void>((resolveStop) => {
        process.once('SIGINT', resolveStop);
        process.once('SIGTERM', resolveStop);
      });
    }
  } finally {
    await server.close();
    await store.close?.();
  }
}
