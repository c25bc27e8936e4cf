const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * The IEEE 754 binary16 bit pattern nearest to `value` (first rounded to float32): round to nearest,
 * ties to even; results below the smallest normal become subnormals; magnitudes from 65520 up
 * become infinity; NaN stays NaN (quiet, sign kept).
 */
export function float32ToFp16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa === 0 ? 0 : 0x200 | (mantissa >>> 13));
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    // Subnormal half: the value is m x 2^-24 with the implicit leading 1 shifted into m.
    if (halfExponent < -10) return sign;
    const full = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    return sign | roundShift(full, shift);
  }
  // A carry out of the mantissa rounds up into the exponent, and from the largest finite to infinity.
  return sign | ((halfExponent << 10) + roundShift(mantissa, 13));
}

/** `value >> shift` rounded to nearest, ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && (kept & 1) === 1) ? kept + 1 : kept;
}

/** The value of a binary16 bit pattern, exactly. */
export function fp16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mantissa) * 2 ** (exponent - 25);
}

/** Half-precision bit patterns of every value. */
export function encodeFp16(values: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float32ToFp16Bits(values[i]);
  return out;
}

let table: Float32Array | undefined;

/** Float32 values of half-precision bit patterns (exact: every half is a float32). */
export function decodeFp16(bits: ArrayLike<number>): Float32Array {
  // All 65536 halves decoded once (256 KiB): a lookup is ~5x faster than decoding each element.
  if (!table) {
    table = new Float32Array(0x10000);
    for (let h = 0; h < 0x10000; h++) table[h] = fp16BitsToFloat32(h);
  }
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = table[bits[i]];
  return out;
}
