import { CandlecastError } from '@candlecast/shared';

/** Parses an integer CLI option within bounds; the error names the option and the allowed range. */
export function parseIntegerOption(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CandlecastError('invalid_option', `${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Parses a number CLI option within bounds. */
export function parseNumberOption(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new CandlecastError('invalid_option', `${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
