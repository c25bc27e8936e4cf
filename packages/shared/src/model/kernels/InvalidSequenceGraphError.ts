import { CandlecastError } from '../../errors/CandlecastError';

/** A sequence graph the kernels cannot run: names the offending field and quotes its value. */
export class InvalidSequenceGraphError extends CandlecastError {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super('invalid_sequence_graph', `sequence graph ${field}: ${detail}`);
  }
}
