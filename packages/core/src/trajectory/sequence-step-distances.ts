import { toMatrix, type MatrixLike } from '../common/matrix.js';
import { layoutOffsets } from './internal/sequence-layout.js';
import { rowDistance } from './internal/row-distance.js';

/**
 * Step distances of several sequences whose hidden states are stacked row-wise in one
 * matrix (as they are for a joint t-SNE/PCA projection), aligned with the rows: for a row
 * `r` inside a sequence, `d[r] = ‖h[r] − h[r−1]‖₂`, the distance the input at step `r`
 * moved the state; for the first row of every sequence `d[r] = NaN` (no predecessor, and
 * never a distance measured across two sequences).
 *
 * The result feeds {@link findJumps} directly (which skips the NaNs), normalising by the
 * maximum over every sequence at once.
 *
 * Throws `LENGTH_MISMATCH` when `lengths` does not sum to `states.rows`,
 * `INVALID_ARGUMENT`/`NON_FINITE` for a bad length, `NON_FINITE` for a NaN/±Infinity
 * state. O(rows · cols).
 *
 * @example
 * sequenceStepDistances([[0, 0], [3, 4], [9, 9], [9, 10]], [2, 2])
 * // → Float64Array [NaN, 5, NaN, 1]
 */
export function sequenceStepDistances(states: MatrixLike, lengths: ArrayLike<number>): Float64Array {
  const m = toMatrix(states, { name: 'states', finite: true });
  const offsets = layoutOffsets(lengths, m.rows, 'states');
  const { rows, cols, data } = m;
  const out = new Float64Array(rows);
  for (let s = 0; s + 1 < offsets.length; s++) {
    const start = offsets[s];
    const end = offsets[s + 1];
    if (start < end) out[start] = NaN;
    for (let r = start + 1; r < end; r++) {
      out[r] = rowDistance(data, (r - 1) * cols, r * cols, cols);
    }
  }
  return out;
}
