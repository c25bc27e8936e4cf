import { describe, expect, it } from 'vitest';
import { LastStepKernel } from './LastStepKernel';

describe('LastStepKernel', () => {
  it('returns the newest step whatever the mask, and no mask', () => {
    const kernel = new LastStepKernel({ type: 'lastStep', name: 'last' }, { sequence: true, steps: 3, width: 2 }, 'last');
    expect(kernel.run(Array.from([1, 2, 3, 4, 5, 6]))).toBeNull();
    expect(kernel.outputShape).toEqual({ sequence: false, steps: 1, width: 2 });
    expect(Array.from(kernel.output)).toEqual([5, 6]);
  });
});
