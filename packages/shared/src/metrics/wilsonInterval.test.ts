import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilsonInterval';

describe('wilsonInterval', () => {
  it('matches a hand computation for 8 of 10', () => {
    // z = 1.96, p = 0.8, n = 10: z^2 = 3.8416, denominator = 1 + 0.38416 = 1.38416
    // centre = (0.8 + 3.8416/20) / 1.38416 = 0.99208 / 1.38416 = 0.716738...
    // half = 1.96 * sqrt(0.8*0.2/10 + 3.8416/400) / 1.38416 = 1.96 * sqrt(0.025604) / 1.38416 = 0.226581...
    // -> [0.490157, 0.943319]
    const [lower, upper] = wilsonInterval(8, 10, 1.96);
    expect(lower).toBeCloseTo(0.490157, 5);
    expect(upper).toBeCloseTo(0.943319, 5);
  });

  it('stays inside [0, 1] at the edges', () => {
    // 0 of 10 at z = 1.96: upper = 2 * 0.19208 / 1.38416 = z^2 / (n + z^2) = 3.8416 / 13.8416 = 0.277540...
    const [lower, upper] = wilsonInterval(0, 10, 1.96);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(3.8416 / 13.8416, 12);
    expect(wilsonInterval(10, 10, 1.96)[1]).toBe(1);
  });

  it('narrows with more samples: 53.7% of 10,000 is about +-1 point', () => {
    const [lower, upper] = wilsonInterval(5370, 10_000);
    expect(upper - lower).toBeCloseTo(2 * 1.96 * Math.sqrt((0.537 * 0.463) / 10_000), 4);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/correct must be in \[0, 10\], got 11/);
    expect(() => wilsonInterval(0, 0)).toThrow(/total must be a positive integer, got 0/);
  });
});
