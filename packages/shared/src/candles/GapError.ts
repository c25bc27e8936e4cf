import { CandlecastError } from '../errors/CandlecastError';

/** Candles are missing and the gap policy does not allow it. */
export class GapError extends CandlecastError {
  constructor(
    readonly row: number,
    readonly missing: number,
    readonly from: number,
    readonly to: number,
    hint: string,
  ) {
    super(
      'candle_gap',
      `row ${row}: field "timestamp" jumps from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}, ` +
        `${missing} candle${missing === 1 ? '' : 's'} missing; ${hint}`,
    );
  }
}
