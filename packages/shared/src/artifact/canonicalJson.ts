import { CandlecastError } from '../errors/CandlecastError';

/**
 * Deterministic JSON: object keys sorted (by UTF-16 code units), no whitespace, numbers as
 * JSON.stringify writes them (shortest round-trip form), keys with undefined values left out.
 * Parsing the output and serialising again gives the same string, so hashes over it are stable.
 * Throws on NaN or Infinity (JSON has neither; silently writing null would change the content).
 */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CandlecastError('invalid_json', `${path} is ${value}, which JSON cannot hold`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item, i) => canonicalJson(item ?? null, `${path}[${i}]`)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], `${path}.${key}`)}`);
    return `{${entries.join(',')}}`;
  }
  throw new CandlecastError('invalid_json', `${path} is a ${typeof value}, which JSON cannot hold`);
}
