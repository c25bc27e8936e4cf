import { describe, expect, it } from 'vitest';
import { MaskedAveragePoolingKernel } from './MaskedAveragePoolingKernel';

describe('MaskedAveragePoolingKernel', () => {
  const kernel = new MaskedAveragePoolingKernel({ type: 'maskedAveragePooling', name: 'pool' }, { sequence: true, steps: 3, width: 2 }, 'pool');
  const input = Array.from([100, -100, 1, 2, 3, 6]);

  it('averages every step without a mask', () => {
    expect(kernel.run(input, null)).toBeNull();
    expect(Array.from(kernel.output)).toEqual([104 / 3, -92 / 3]);
  });

  it('averages only the real steps under a mask', () => {
    expect(kernel.run(input, Uint8Array.from([0, 1, 1]))).toBeNull();
    expect(Array.from(kernel.output)).toEqual([2, 4]);
  });
});
