import { ManifestValidationError } from './ManifestValidationError';

/** Readers of one manifest field each: return the value with its type, or throw naming the field path. */

export function readObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ManifestValidationError(field, 'an object', value);
  return value as Record<string, unknown>;
}

/** An object with exactly the allowed keys (optional ones may be absent); a misspelt key is an error. */
export function readFields(value: unknown, field: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  const object = readObject(value, field);
  for (const key of required) if (object[key] === undefined) throw new ManifestValidationError(join(field, key), 'present', undefined);
  for (const key of Object.keys(object)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw new ManifestValidationError(join(field, key), `absent (allowed: ${[...required, ...optional].join(', ')})`, object[key]);
    }
  }
  return object;
}

export function readArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new ManifestValidationError(field, 'an array', value);
  return value;
}

export function readString(value: unknown, field: string, pattern?: RegExp, describe = 'a non-empty string'): string {
  if (typeof value !== 'string' || value.length === 0 || (pattern && !pattern.test(value))) {
    throw new ManifestValidationError(field, describe, value);
  }
  return value;
}

export function readNumber(value: unknown, field: string, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new ManifestValidationError(field, min === -Infinity ? 'a finite number' : `a finite number >= ${min}`, value);
  }
  return value;
}

export function readInteger(value: unknown, field: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ManifestValidationError(field, `an integer >= ${min}`, value);
  }
  return value;
}

export function readOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ManifestValidationError(field, `one of ${allowed.join(', ')}`, value);
  return value as T;
}

export function readIsoTime(value: unknown, field: string): string {
  const text = readString(value, field, ISO_TIME, 'an ISO 8601 UTC time like 2024-01-31T12:00:00.000Z');
  if (Number.isNaN(Date.parse(text))) throw new ManifestValidationError(field, 'a valid date', value);
  return text;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** `a.b` for object keys, `a[2]` for array indices. */
export function join(field: string, key: string | number): string {
  if (typeof key === 'number') return `${field}[${key}]`;
  return field === '' ? key : `${field}.${key}`;
}
