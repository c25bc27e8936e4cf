import { ConfigError } from './ConfigError';

/** A plain JSON object (not an array, not null). */
export type ConfigObject = Record<string, unknown>;

/** Checks that `value` is an object whose keys are all in `allowed`; names the first unknown key. */
export function readObject(value: unknown, path: string, allowed: readonly string[]): ConfigObject {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(path || '(root)', `must be an object, got ${JSON.stringify(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ConfigError(join(path, key), `unknown field; known: ${allowed.join(', ')}`);
  }
  return value as ConfigObject;
}

/** An integer in [min, max], or `fallback` when absent. */
export function readInteger(object: ConfigObject, key: string, path: string, min: number, max: number, fallback: number): number {
  const value = object[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(join(path, key), `must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A finite number in [min, max], or `fallback` when absent. */
export function readNumber(object: ConfigObject, key: string, path: string, min: number, max: number, fallback: number): number {
  const value = object[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(join(path, key), `must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Like readInteger/readNumber, but null (or absent with a null fallback) means "no limit". */
export function readOptionalNumber(object: ConfigObject, key: string, path: string, min: number, max: number, fallback: number | null, integer: boolean): number | null {
  const value = object[key];
  if (value === undefined) return fallback;
  if (value === null) return null;
  return integer ? readInteger(object, key, path, min, max, 0) : readNumber(object, key, path, min, max, 0);
}

/** A non-empty list of integers, each in [min, max]. */
export function readIntegerList(object: ConfigObject, key: string, path: string, min: number, max: number, fallback: readonly number[]): number[] {
  const value = object[key];
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value) || value.length === 0) throw new ConfigError(join(path, key), `must be a non-empty list of integers, got ${JSON.stringify(value)}`);
  return value.map((item, i) => readInteger({ [i]: item }, String(i), `${join(path, key)}`, min, max, 0));
}

function join(path: string, key: string): string {
  if (/^\d+$/.test(key)) return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}
