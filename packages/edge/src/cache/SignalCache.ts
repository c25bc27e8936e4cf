/**
 * A small LRU of computed signals keyed by (symbol, last candle time, version): the same minute
 * asked again costs a map lookup. Per isolate; entries are tiny.
 */
export class SignalCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 5000) {}

  static key(symbol: string, candleTime: number, version: string): string {
    return `${version}|${symbol}|${candleTime}`;
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-insert to mark as most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
