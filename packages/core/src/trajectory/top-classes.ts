import { ClasslensError } from '../common/errors.js';
import { toMatrix, type MatrixLike } from '../common/matrix.js';
import { argmaxRows } from './internal/argmax-rows.js';

/**
 * The top class (column index) of every row of per-step class probabilities: the first
 * largest column (numpy's `argmax` rule for ties). A single column is read as
 * P(positive) of a binary classifier, i.e. as the row `[1 − p, p]`, so its top class is
 * 1 when `p > 0.5` and 0 otherwise. With {@link topClassChanges}, `top[i − 1]` and
 * `top[i]` are the classes before and after a flip at row `i`.
 *
 * Throws `NON_FINITE` for a NaN/±Infinity probability, `INVALID_SHAPE` for zero columns
 * (with rows). O(rows · classes).
 *
 * @example
 * topClasses([[0.7, 0.2, 0.1], [0.3, 0.6, 0.1]]) // → Int32Array [0, 1]
 * topClasses([[0.2], [0.8]])                     // → Int32Array [0, 1]
 */
export function topClasses(expected: MatrixLike): Int32Array {
  const m = toMatrix(expected, { name: 'expected', finite: true });
  if (m.cols === 0 && m.rows > 0) throw new ClasslensError('INVALID_SHAPE', 'expected: no class columns');
  return argmaxRows(m);
}
