/**
 * A zero-filled plain array of `length` doubles. Activations and prepared weights live in plain
 * arrays with V8's packed-double elements rather than in Float64Arrays: their loads are as cheap,
 * and they carry no ArrayBuffer, so they escape the extra "detached buffer" check V8 puts on every
 * typed-array access once any ArrayBuffer in the isolate has been transferred (measured here: a
 * 128x512 matvec 27 us as an array, 32 us as a Float64Array, 41 us as a Float64Array after a
 * transfer). Starting from a fractional value makes V8 choose double elements at once.
 */
export function doubles(length: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < length; i++) values.push(0.5);
  values.fill(0);
  return values;
}

/** The values of `source` as a packed-double plain array. */
export function doublesFrom(source: ArrayLike<number>): number[] {
  const values = doubles(source.length);
  for (let i = 0; i < source.length; i++) values[i] = source[i];
  return values;
}
