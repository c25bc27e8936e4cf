/*
 * Johannes Baagøe's Alea generator with its Mash seeding, as the seedrandom package implements
 * it: tfjs seeds every seeded random op (tf.randomUniform, hence tf.dropout and the Dropout
 * layer) with `alea(String(seed))`. Reimplemented here so the fast engine draws the very same
 * dropout masks as tfjs for the same seed (dropoutMask.test.ts checks it against tf.dropout).
 */

/** Returns a generator of uniform doubles in [0, 1), identical to seedrandom's `alea(seed)`. */
export function alea(seed: string): () => number {
  const mash = createMash();
  let s0 = mash(' ');
  let s1 = mash(' ');
  let s2 = mash(' ');
  let c = 1;
  s0 -= mash(seed);
  if (s0 < 0) s0 += 1;
  s1 -= mash(seed);
  if (s1 < 0) s1 += 1;
  s2 -= mash(seed);
  if (s2 < 0) s2 += 1;
  return () => {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10; // 2^-32
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    return s2;
  };
}

function createMash(): (data: string) => number {
  let n = 0xefc8249d;
  return (data) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  };
}
