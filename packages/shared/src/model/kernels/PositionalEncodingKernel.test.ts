import { describe, expect, it } from 'vitest';
import { PositionalEncodingKernel, positionalEncodingTable } from './PositionalEncodingKernel';

describe('positional encoding', () => {
  it('gives the newest step position 0 and older steps their age in candles', () => {
    const table = positionalEncodingTable(3, 4);
    // newest row (t = 2, p = 0): sin 0, cos 0, sin 0, cos 0
    expect(Array.from(table.slice(8, 12))).toEqual([0, 1, 0, 1]);
    // t = 0 is two candles old; dims 2, 3 use the frequency 1 / 10000^(2/4) = 1/100
    expect(Array.from(table.slice(0, 4))).toEqual([Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)].map(Math.fround));
  });

  it('adds the table to every step and passes the mask on', () => {
    const kernel = new PositionalEncodingKernel({ type: 'positionalEncoding', name: 'pe' }, { sequence: true, steps: 2, width: 2 }, 'pe');
    const mask = Uint8Array.from([0, 1]);
    expect(kernel.run(Array.from([1, 2, 3, 4]), mask)).toBe(mask);
    expect(Array.from(kernel.output)).toEqual([1 + Math.fround(Math.sin(1)), 2 + Math.fround(Math.cos(1)), 3, 5]);
  });
});
