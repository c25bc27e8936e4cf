import { availableParallelism } from 'node:os';
import { FastEngineError } from './FastEngineError';

/** Threads computing gradients: 1 (the calling thread), 2 (plus one worker), or auto. */
export type ThreadChoice = 1 | 2 | 'auto';

/** Smallest batch split across two threads; below it the hand-off costs more than it saves. */
export const MIN_SPLIT_BATCH = 16;

/**
 * The thread count for `choice`. auto takes 2 when the machine has two or more cores. Measured on
 * the 2-core dev machine (reference LSTM, batch 64): with the second core idle, 2 threads train
 * 1.86x as fast as one (1250 vs 670 samples/s); with other processes keeping both cores busy,
 * about as fast as one (+-5%). bench/training.bench.ts reports both figures.
 */
export function resolveThreads(choice: ThreadChoice): 1 | 2 {
  if (choice === 1 || choice === 2) return choice;
  if (choice === 'auto') return availableParallelism() >= 2 ? 2 : 1;
  throw new FastEngineError(`threads must be 1, 2 or auto, got ${JSON.stringify(choice)}`);
}
