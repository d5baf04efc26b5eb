import { toMatrix, type MatrixLike } from '../common/matrix.js';
import { layoutOffsets } from './internal/sequence-layout.js';

/**
 * How much the expected prediction changed at every step: for a row `r` inside a
 * sequence, `c[r] = max_k |p[r][k] − p[r−1][k]|`, the largest change of any class's
 * probability (the L∞ distance between consecutive probability rows); `NaN` for the first
 * row of every sequence. For a binary classifier (two softmax columns, or one column
 * holding P(positive)) this is exactly `|ΔP(positive)|`, the change of the colour of
 * Garcia, Munz & Weiskopf's trajectories.
 *
 * `expected` holds one row of class probabilities per step (rows of all sequences
 * stacked, as exported); `lengths` splits the rows into sequences (default: one
 * sequence).
 *
 * Throws `LENGTH_MISMATCH` when `lengths` does not sum to `expected.rows`,
 * `INVALID_ARGUMENT`/`NON_FINITE` for a bad length, `NON_FINITE` for a NaN/±Infinity
 * probability. O(rows · classes).
 *
 * @example
 * predictionChanges([[0.9, 0.1], [0.4, 0.6], [0.5, 0.5]], [2, 1])
 * // → Float64Array [NaN, 0.5, NaN]
 */
export function predictionChanges(expected: MatrixLike, lengths?: ArrayLike<number>): Float64Array {
  const m = toMatrix(expected, { name: 'expected', finite: true });
  const { rows, cols, data } = m;
  const offsets = lengths === undefined ? Uint32Array.of(0, rows) : layoutOffsets(lengths, rows, 'expected');
  const out = new Float64Array(rows);
  for (let s = 0; s + 1 < offsets.length; s++) {
    const start = offsets[s];
    const end = offsets[s + 1];
    if (start < end) out[start] = NaN;
    for (let r = start + 1; r < end; r++) {
      const a = (r - 1) * cols;
      const b = r * cols;
      let c = 0;
      for (let k = 0; k < cols; k++) {
        const d = Math.abs(data[b + k] - data[a + k]);
        if (d > c) c = d;
      }
      out[r] = c;
    }
  }
  return out;
}
