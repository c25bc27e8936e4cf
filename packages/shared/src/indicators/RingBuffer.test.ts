import { describe, expect, it } from 'vitest';
import { RingBuffer } from './RingBuffer';

/** The reductions as the plain at(0..length-1) loops they replace: same order, so the same float rounding. */
function reference(buffer: RingBuffer, center: number) {
  let sum = 0;
  let squares = 0;
  let absolute = 0;
  let highest = -Infinity;
  let lowest = Infinity;
  for (let i = 0; i < buffer.length; i++) {
    sum += buffer.at(i);
    squares += (buffer.at(i) - center) ** 2;
    absolute += Math.abs(buffer.at(i) - center);
    highest = Math.max(highest, buffer.at(i));
    lowest = Math.min(lowest, buffer.at(i));
  }
  return { sum, squares, absolute, highest, lowest };
}

describe('RingBuffer', () => {
  it('reduces oldest first, bit for bit like an at() loop, while filling, after wrapping and after reset()', () => {
    const buffer = new RingBuffer(7);
    // Values of very different magnitudes, so a different summation order would round differently.
    const values = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1e16 : 1) * Math.sin(i + 1) + 0.1 * i);
    for (const round of [0, 1]) {
      for (const [n, value] of values.entries()) {
        buffer.push(value);
        expect(buffer.length).toBe(Math.min(n + 1, 7));
        const expected = reference(buffer, 0.3);
        expect([buffer.sum(), buffer.sumSquaredDeviations(0.3), buffer.sumAbsoluteDeviations(0.3), buffer.max(), buffer.min()], `round ${round}, value ${n}`).toEqual([
          expected.sum,
          expected.squares,
          expected.absolute,
          expected.highest,
          expected.lowest,
        ]);
        expect(buffer.at(0)).toBe(values[Math.max(0, n - 6)]);
        expect(buffer.last()).toBe(value);
      }
      buffer.reset();
      expect(buffer.length).toBe(0);
    }
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow('capacity must be a positive integer, got 0');
    expect(() => new RingBuffer(2.5)).toThrow('got 2.5');
  });
});
