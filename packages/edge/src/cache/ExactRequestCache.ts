/**
 * Answers for request bodies seen before, byte for byte: a client that polls with the same candles
 * gets its signal back without the body being parsed, validated or recomputed. The map key is cheap
 * (model version, length and the body's last 512 characters, where the newest candles are); a hit
 * is only a hit when the whole stored body equals the new one, so two bodies that share a key can
 * never be answered with each other's signal. Bodies that failed validation are never stored.
 * Bodies are kept for the comparison, so the capacity is small (256 x a 26 KiB body = 6.5 MiB).
 */
export class ExactRequestCache<T> {
  private readonly entries = new Map<string, { body: string; value: T }>();

  constructor(private readonly capacity = 256) {}

  static key(version: string, body: string): string {
    return `${version}|${body.length}|${body.slice(-512)}`;
  }

  get(version: string, body: string): T | undefined {
    const key = ExactRequestCache.key(version, body);
    const entry = this.entries.get(key);
    if (entry === undefined || entry.body !== body) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(version: string, body: string, value: T): void {
    const key = ExactRequestCache.key(version, body);
    this.entries.delete(key);
    this.entries.set(key, { body, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
