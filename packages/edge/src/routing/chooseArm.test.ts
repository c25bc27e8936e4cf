import { describe, expect, it } from 'vitest';
import { bucketOf, chooseArm } from './chooseArm';

describe('chooseArm', () => {
  it('is sticky, respects 0 and 100, and splits close to the percent', () => {
    expect(chooseArm('client-1', 10, 's')).toBe(chooseArm('client-1', 10, 's'));
    const clients = Array.from({ length: 5000 }, (_, i) => `client-${i}`);
    expect(clients.every((c) => chooseArm(c, 0, 's') === 'stable')).toBe(true);
    expect(clients.every((c) => chooseArm(c, 100, 's') === 'canary')).toBe(true);
    const share = clients.filter((c) => chooseArm(c, 10, 's') === 'canary').length / clients.length;
    expect(share).toBeGreaterThan(0.085);
    expect(share).toBeLessThan(0.115);
  });

  it('moves only the clients above the old percent when the canary grows', () => {
    const clients = Array.from({ length: 2000 }, (_, i) => `c${i}`);
    const at10 = new Set(clients.filter((c) => chooseArm(c, 10, 's') === 'canary'));
    const at50 = new Set(clients.filter((c) => chooseArm(c, 50, 's') === 'canary'));
    for (const c of at10) expect(at50.has(c)).toBe(true);
  });

  it('reshuffles with a new salt', () => {
    const clients = Array.from({ length: 200 }, (_, i) => `c${i}`);
    expect(clients.map((c) => bucketOf(c, 'a'))).not.toEqual(clients.map((c) => bucketOf(c, 'b')));
  });
});
