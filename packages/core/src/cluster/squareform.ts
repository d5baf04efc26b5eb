import { ClasslensError } from '../common/errors.js';
import type { Matrix } from '../common/matrix.js';
import { pointsFromCondensedLength } from './internal/distances.js';

/**
 * The square symmetric n × n matrix (Float64, zero diagonal) of a condensed distance
 * array — the inverse of {@link condensed}, as SciPy's `squareform(y)`.
 *
 * Degenerate cases: as in SciPy, an empty array gives the 1 × 1 matrix `[[0]]`.
 *
 * @throws `INVALID_SHAPE` when the length is not n(n − 1)/2 for any n;
 * `INVALID_ARGUMENT` when `values` is not an array. Time O(n²).
 *
 * @example
 * squareform(new Float64Array([1, 2, 3])); // { rows: 3, cols: 3, data: [0,1,2, 1,0,3, 2,3,0] }
 */
export function squareform(values: ArrayLike<number>): Matrix {
  if (values == null || typeof values.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', 'values: expected a condensed distance array');
  }
  const n = pointsFromCondensedLength(values.length);
  if (n < 0) {
    throw new ClasslensError('INVALID_SHAPE', `values: condensed length ${values.length} is not n(n − 1)/2 for any n`);
  }
  const data = new Float64Array(n * n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = +values[k++];
      data[i * n + j] = v;
      data[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data };
}
