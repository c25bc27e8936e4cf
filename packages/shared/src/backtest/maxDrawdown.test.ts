import { describe, expect, it } from 'vitest';
import { maxDrawdown } from './maxDrawdown';

describe('maxDrawdown', () => {
  it('takes the deepest fall from a running peak, not from the start', () => {
    // peaks 1.2 then 1.5; falls to 0.9 (25% of 1.2) and 1.05 (30% of 1.5) -> 0.3
    expect(maxDrawdown([1, 1.2, 0.9, 1.5, 1.05, 1.6])).toBeCloseTo(0.3, 15);
    expect(maxDrawdown([1, 1.1, 1.2])).toBe(0);
  });
});
