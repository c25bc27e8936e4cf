import { CandlecastError } from '@candlecast/shared';

/**
 * The fast engine cannot run this model or input (an architecture it does not implement, a
 * shape that does not match). Callers that can fall back to tfjs catch this code.
 */
export class FastEngineError extends CandlecastError {
  constructor(message: string) {
    super('fast_engine_unsupported', message);
    this.name = 'FastEngineError';
  }
}
