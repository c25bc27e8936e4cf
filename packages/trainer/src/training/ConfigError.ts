import { CandlecastError } from '@candlecast/shared';

/** A configuration value is missing, of the wrong type or out of range; `field` is its dotted path. */
export class ConfigError extends CandlecastError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_config', `${field}: ${message}`);
  }
}
