/**
 * Base class of every error candlecast raises on purpose. `code` is stable and machine-readable
 * (the HTTP edge maps it to a status), `message` is for humans and quotes the offending value.
 */
export class CandlecastError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
