import { CandlecastError } from '../errors/CandlecastError';

/**
 * A field of a manifest (or of another stored JSON document, such as a tag pointer) is missing or
 * has the wrong type or value. `field` is a path like `models.lstm.tensors[0].dtype`.
 */
export class ManifestValidationError extends CandlecastError {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly received: unknown,
    readonly document = 'manifest',
  ) {
    super('invalid_manifest', `${field === '' ? document : `${document} field "${field}"`} must be ${expected}, got ${quote(received)}`);
  }
}

function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
