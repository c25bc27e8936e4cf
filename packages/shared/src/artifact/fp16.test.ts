import { describe, expect, it } from 'vitest';
import { decodeFp16, encodeFp16, float32ToFp16Bits, fp16BitsToFloat32 } from './fp16';

// Reference bit patterns from IEEE 754-2008 binary16 (see e.g. the table in
// https://en.wikipedia.org/wiki/Half-precision_floating-point_format#Half_precision_examples).
const REFERENCE: [number, number][] = [
  [0, 0x0000],
  [-0, 0x8000],
  [1, 0x3c00],
  [-2, 0xc000],
  [65504, 0x7bff],
  [2 ** -14, 0x0400],
  [2 ** -24, 0x0001],
  [(1023 / 1024) * 2 ** -14, 0x03ff],
  [1 / 3, 0x3555],
  [0.1, 0x2e66],
  [Infinity, 0x7c00],
  [-Infinity, 0xfc00],
];

describe('fp16', () => {
  it.each(REFERENCE)('encodes %d as the IEEE pattern', (value, bits) => {
    expect(float32ToFp16Bits(value)).toBe(bits);
  });

  it('decodes every finite half exactly and re-encodes it to the same bits', () => {
    const failures: string[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00) continue;
      const value = fp16BitsToFloat32(bits);
      const back = float32ToFp16Bits(value);
      if (Math.fround(value) !== value || back !== bits) failures.push(`0x${bits.toString(16)} -> ${value} -> 0x${back.toString(16)}`);
    }
    expect(failures).toEqual([]);
    const all = Uint16Array.from({ length: 0x10000 }, (_, i) => i);
    const decoded = decodeFp16(all);
    expect(all.filter((bits) => !Object.is(decoded[bits], Math.fround(fp16BitsToFloat32(bits))))).toHaveLength(0);
  });

  it('rounds ties to even, in normals and subnormals', () => {
    expect(float32ToFp16Bits(1 + 2 ** -11)).toBe(0x3c00); // halfway between 0x3c00 (even) and 0x3c01
    expect(float32ToFp16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // halfway between 0x3c01 and 0x3c02 (even)
    expect(float32ToFp16Bits(2 ** -25)).toBe(0x0000); // halfway between 0 and the smallest subnormal
    expect(float32ToFp16Bits(1.5 * 2 ** -24)).toBe(0x0002); // halfway between subnormals 1 and 2
    expect(float32ToFp16Bits(2 ** -25 * 1.0001)).toBe(0x0001);
    expect(float32ToFp16Bits(65519)).toBe(0x7bff); // below the halfway point to 65536
    expect(float32ToFp16Bits(65520)).toBe(0x7c00); // the halfway point rounds to even: infinity
    expect(float32ToFp16Bits(1e6)).toBe(0x7c00);
    expect(float32ToFp16Bits(-1e-10)).toBe(0x8000);
  });

  it('picks the nearest half for arbitrary floats (checked against both neighbours)', () => {
    const failures: string[] = [];
    let x = 0x1234567;
    for (let i = 0; i < 20_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const value = Math.fround((x / 2 ** 32 - 0.5) * 2 ** ((i % 40) - 26));
      const bits = float32ToFp16Bits(value);
      const chosen = fp16BitsToFloat32(bits);
      const error = Math.abs(chosen - value);
      for (const neighbour of [bits - 1, bits + 1]) {
        if ((neighbour & 0x7fff) > 0x7bff || neighbour < 0 || neighbour > 0xffff || (neighbour ^ bits) & 0x8000) continue;
        if (error > Math.abs(fp16BitsToFloat32(neighbour) - value)) failures.push(`${value} -> 0x${bits.toString(16)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps NaN a NaN and infinities infinite', () => {
    const bits = float32ToFp16Bits(Number.NaN);
    expect(bits & 0x7c00).toBe(0x7c00);
    expect(bits & 0x03ff).not.toBe(0);
    expect(fp16BitsToFloat32(bits)).toBeNaN();
    expect(Array.from(decodeFp16(encodeFp16([Infinity, -Infinity, Number.NaN, 0.5])))).toEqual([Infinity, -Infinity, Number.NaN, 0.5]);
  });
});
