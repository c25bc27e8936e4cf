/** A fixed-capacity window of the most recent numbers, oldest first when iterated by index. */
export class RingBuffer {
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.values = new Float64Array(capacity);
  }

  /** Appends a value and returns the one it pushed out (undefined while not yet full). */
  push(value: number): number | undefined {
    if (this.count < this.capacity) {
      this.values[(this.start + this.count) % this.capacity] = value;
      this.count++;
      return undefined;
    }
    const evicted = this.values[this.start];
    this.values[this.start] = value;
    this.start = (this.start + 1) % this.capacity;
    return evicted;
  }

  get length(): number {
    return this.count;
  }

  get isFull(): boolean {
    return this.count === this.capacity;
  }

  /** The i-th value, 0 = oldest. */
  at(i: number): number {
    return this.values[(this.start + i) % this.capacity];
  }

  /** The newest value. */
  last(): number {
    return this.at(this.count - 1);
  }
}
