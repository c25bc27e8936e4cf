import { CandlecastError } from '../errors/CandlecastError';

/** A compare-and-swap write lost: the object changed (or appeared) since the caller read it. */
export class ConflictError extends CandlecastError {
  constructor(
    readonly key: string,
    message = `"${key}" changed since it was read (compare-and-swap lost); read it again and retry`,
  ) {
    super('conflict', message);
  }
}
