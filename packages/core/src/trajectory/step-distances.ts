import { toMatrix, type MatrixLike } from '../common/matrix.js';
import { rowDistance } from './internal/row-distance.js';

/**
 * Euclidean distance between consecutive hidden states of one sequence:
 * `d[t] = ‖h[t+1] − h[t]‖₂` for `t = 0 … rows − 2`, so entry `t` measures how far the
 * input at step `t + 1` moved the state. These are the distances of Garcia, Munz &
 * Weiskopf (2021), measured in the original hidden space, not in a 2-D projection (a
 * projection distorts them).
 *
 * Degenerate cases: 0 or 1 rows give an empty array; 0 columns give zeros. Sums are in
 * double precision even for `Float32Array` states, and rescaled where squares would
 * under- or overflow (so distinct states never have distance 0). For several sequences stacked in one
 * matrix use {@link sequenceStepDistances}, which does not measure across sequences.
 *
 * Throws `NON_FINITE` naming the first NaN/±Infinity state entry, `INVALID_SHAPE` for
 * ragged nested arrays. O(rows · cols).
 *
 * @example
 * stepDistances([[0, 0], [3, 4], [3, 4]]) // → Float64Array [5, 0]
 */
export function stepDistances(states: MatrixLike): Float64Array {
  const m = toMatrix(states, { name: 'states', finite: true });
  const { rows, cols, data } = m;
  const out = new Float64Array(Math.max(0, rows - 1));
  for (let t = 0; t + 1 < rows; t++) {
    out[t] = rowDistance(data, t * cols, (t + 1) * cols, cols);
  }
  return out;
}
