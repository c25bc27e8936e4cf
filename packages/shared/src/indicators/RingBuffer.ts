/**
 * A fixed-capacity window of the most recent numbers, oldest first when iterated by index. The
 * reductions walk the window oldest first without a modulo per element, so they add up in exactly
 * the order an `at(0..length-1)` loop does (float sums depend on order).
 */
export class RingBuffer {
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.values = new Float64Array(capacity);
  }

  /** Appends a value, dropping the oldest once full. Returns nothing: a returned double would be boxed on the hot path. */
  push(value: number): void {
    if (this.count < this.capacity) {
      this.values[(this.start + this.count) % this.capacity] = value;
      this.count++;
      return;
    }
    this.values[this.start] = value;
    this.start = this.start + 1 === this.capacity ? 0 : this.start + 1;
  }

  /** Empties the window (capacity and storage are kept). */
  reset(): void {
    this.start = 0;
    this.count = 0;
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

  /** Sum of the values, oldest first. */
  sum(): number {
    const { values, start, count, capacity } = this;
    let total = 0;
    for (let i = start, end = Math.min(start + count, capacity); i < end; i++) total += values[i];
    for (let i = 0, end = start + count - capacity; i < end; i++) total += values[i];
    return total;
  }

  /** Sum of (value - center)^2, oldest first. */
  sumSquaredDeviations(center: number): number {
    const { values, start, count, capacity } = this;
    let total = 0;
    for (let i = start, end = Math.min(start + count, capacity); i < end; i++) total += (values[i] - center) ** 2;
    for (let i = 0, end = start + count - capacity; i < end; i++) total += (values[i] - center) ** 2;
    return total;
  }

  /** Sum of |value - center|, oldest first. */
  sumAbsoluteDeviations(center: number): number {
    const { values, start, count, capacity } = this;
    let total = 0;
    for (let i = start, end = Math.min(start + count, capacity); i < end; i++) total += Math.abs(values[i] - center);
    for (let i = 0, end = start + count - capacity; i < end; i++) total += Math.abs(values[i] - center);
    return total;
  }

  /** Largest value (NaN if any is NaN, -Infinity when empty). */
  max(): number {
    let highest = -Infinity;
    for (let i = 0; i < this.count; i++) highest = Math.max(highest, this.values[i]);
    return highest;
  }

  /** Smallest value (NaN if any is NaN, Infinity when empty). */
  min(): number {
    let lowest = Infinity;
    for (let i = 0; i < this.count; i++) lowest = Math.min(lowest, this.values[i]);
    return lowest;
  }
}
