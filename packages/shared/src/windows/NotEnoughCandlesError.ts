import { CandlecastError } from '../errors/CandlecastError';

/** Fewer candles than one window needs (feature warm-up + window length - 1). */
export class NotEnoughCandlesError extends CandlecastError {
  constructor(
    readonly required: number,
    readonly received: number,
  ) {
    super('not_enough_candles', `needs at least ${required} contiguous candles, got ${received}`);
  }
}
