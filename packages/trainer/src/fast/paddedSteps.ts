/*
 * Padded steps (a Masking layer in front): tfjs's RNN emits at a padded step its previous output
 * and keeps its previous state, so no gradient reaches the cell there and the gradients of output
 * and state pass through to the step before unchanged. The cells run on every row as usual; these
 * helpers then fix up the padded rows.
 */

/** The samples (rows) whose step t is padding; `stepMask` [W n] is 1 for real steps. */
export function paddedRows(stepMask: Uint8Array | null, t: number, n: number): number[] {
  if (stepMask === null) return [];
  const rows: number[] = [];
  for (let b = 0; b < n; b++) if (stepMask[t * n + b] === 0) rows.push(b);
  return rows;
}

/** Forward: for padded rows, state block t + 1 (after step t) = block t (before it). */
export function carryRows(heap: Float32Array, buffer: number, units: number, n: number, t: number, rows: readonly number[]): void {
  for (const b of rows) {
    const from = buffer + (t * n + b) * units;
    heap.copyWithin(from + n * units, from, from + units);
  }
}

/** Backward: takes the gradients arriving at padded rows of a step away from the cell and hands them to the step before. */
export class PaddedStepGradients {
  private dh = new Float32Array(0);
  private dc = new Float32Array(0);

  /** Saves and zeroes the padded rows of dh (step t) and of the carried dc (LSTM; -1 for GRU). */
  hold(heap: Float32Array, dh: number, dc: number, units: number, rows: readonly number[]): void {
    if (this.dh.length < rows.length * units) {
      this.dh = new Float32Array(rows.length * units);
      this.dc = new Float32Array(rows.length * units);
    }
    rows.forEach((b, i) => {
      this.dh.set(heap.subarray(dh + b * units, dh + (b + 1) * units), i * units);
      heap.fill(0, dh + b * units, dh + (b + 1) * units);
      if (dc < 0) return;
      this.dc.set(heap.subarray(dc + b * units, dc + (b + 1) * units), i * units);
      heap.fill(0, dc + b * units, dc + (b + 1) * units);
    });
  }

  /** Restores the held dc rows and adds the held dh rows to dhPrev (step t - 1; -1 at t = 0). */
  release(heap: Float32Array, dhPrev: number, dc: number, units: number, rows: readonly number[]): void {
    rows.forEach((b, i) => {
      if (dc >= 0) heap.set(this.dc.subarray(i * units, (i + 1) * units), dc + b * units);
      if (dhPrev < 0) return;
      for (let u = 0; u < units; u++) heap[dhPrev + b * units + u] += this.dh[i * units + u];
    });
  }
}
