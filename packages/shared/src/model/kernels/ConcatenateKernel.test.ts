import { describe, expect, it } from 'vitest';
import { ConcatenateKernel } from './ConcatenateKernel';

describe('ConcatenateKernel', () => {
  it('joins vectors end to end, in input order, with no mask', () => {
    const kernel = new ConcatenateKernel([{ sequence: false, steps: 1, width: 2 }, { sequence: false, steps: 1, width: 1 }], 'c');
    expect(kernel.run([Array.from([1, 2]), Array.from([3])], [null, null])).toBeNull();
    expect(Array.from(kernel.output)).toEqual([1, 2, 3]);
  });

  it('joins sequences step by step; the mask is the AND of the inputs that have one', () => {
    const shape = (width: number) => ({ sequence: true, steps: 3, width });
    const kernel = new ConcatenateKernel([shape(1), shape(2), shape(1)], 'c');
    const mask = kernel.run(
      [Array.from([1, 2, 3]), Array.from([10, 11, 20, 21, 30, 31]), Array.from([7, 8, 9])],
      [Uint8Array.from([0, 1, 1]), null, Uint8Array.from([1, 0, 1])],
    );
    expect(kernel.outputShape).toEqual({ sequence: true, steps: 3, width: 4 });
    expect(Array.from(kernel.output)).toEqual([1, 10, 11, 7, 2, 20, 21, 8, 3, 30, 31, 9]);
    expect(Array.from(mask!)).toEqual([0, 0, 1]);
  });
});
