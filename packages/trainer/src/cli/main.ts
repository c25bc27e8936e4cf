import { Command, CommanderError } from 'commander';
import { CandlecastError } from '@candlecast/shared';
import { registerFeaturesCommand } from './featuresCommand';
import { registerTrainCommand } from './trainCommand';
import { registerEvaluateCommand } from './evaluateCommand';
import { registerWindowsCommand } from './windowsCommand';
import { registerPublishCommand } from './publishCommand';
import { registerVersionsCommand } from './versionsCommand';
import { registerPromoteCommand } from './promoteCommand';
import { registerRollbackCommand } from './rollbackCommand';
import { registerGcCommand } from './gcCommand';
import { registerServeCommand } from './serveCommand';
import { registerDemoCommand } from './demoCommand';

/**
 * The `candlecast` command line. Each subcommand lives in its own file and registers itself here.
 * Known errors print one clear line and exit 1; anything else prints its stack (it is a bug).
 */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('candlecast')
    .description('Train, evaluate and publish next-candle direction models from 1-minute OHLCV candles.')
    .showHelpAfterError()
    .exitOverride();
  registerWindowsCommand(program);
  registerTrainCommand(program);
  registerEvaluateCommand(program);
  registerFeaturesCommand(program);
  registerPublishCommand(program);
  registerVersionsCommand(program);
  registerPromoteCommand(program);
  registerRollbackCommand(program);
  registerGcCommand(program);
  registerServeCommand(program);
  registerDemoCommand(program, async (args) => {
    await main(['node', 'candlecast', ...args]);
    if (process.exitCode) throw new CandlecastError('demo_failed', `demo stopped: \`candlecast ${args[0]}\` failed (see above)`);
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof CandlecastError) {
      process.stderr.write(`candlecast: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
