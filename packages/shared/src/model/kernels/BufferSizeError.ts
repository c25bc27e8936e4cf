import { CandlecastError } from '../../errors/CandlecastError';

/** A buffer passed to a model (the window, or a caller's output) has the wrong number of values. */
export class BufferSizeError extends CandlecastError {
  constructor(
    readonly buffer: string,
    readonly expected: number,
    readonly received: number,
  ) {
    super('buffer_size', `${buffer} needs ${expected} values, got ${received}`);
  }
}
