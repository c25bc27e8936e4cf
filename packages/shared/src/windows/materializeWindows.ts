/**
 * Copies windows out of a row matrix into a dense `[samples, windowLength, featureCount]` Float32
 * tensor. Rows of one window are contiguous in the matrix, so each sample is a single
 * `subarray` + `set` (one memcpy), not a per-value loop.
 */
export function materializeWindows(
  features: Float32Array,
  featureCount: number,
  windowLength: number,
  ends: ArrayLike<number>,
  samples: ArrayLike<number> = identity(ends.length),
  out: Float32Array = new Float32Array(samples.length * windowLength * featureCount),
): Float32Array {
  const size = windowLength * featureCount;
  if (out.length < samples.length * size) throw new RangeError(`out holds ${out.length} values, needs ${samples.length * size}`);
  for (let s = 0; s < samples.length; s++) {
    const end = ends[samples[s]];
    const start = (end - windowLength + 1) * featureCount;
    out.set(features.subarray(start, start + size), s * size);
  }
  return out;
}

function identity(n: number): Int32Array {
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  return indices;
}
