import { CandlecastError } from '../errors/CandlecastError';

/**
 * A candle broke a rule. `row` is 1-based and counts data rows (a CSV header is not a row), so it
 * matches what a user sees when they number their candles; `field` names the column.
 */
export class CandleValidationError extends CandlecastError {
  constructor(
    readonly row: number,
    readonly field: string,
    readonly rule: string,
    readonly value: unknown,
  ) {
    super('invalid_candle', `row ${row}: field "${field}" ${rule} (got ${formatValue(value)})`);
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'nothing';
  try {
    const json = JSON.stringify(value);
    return json.length > 60 ? `${json.slice(0, 60)}…` : json;
  } catch {
    return String(value);
  }
}
