import { ClasslensError } from '../common/errors.js';
import { toMatrix, type MatrixLike } from '../common/matrix.js';

/**
 * One number per step for colouring trajectories by the classifier's "expected
 * prediction" (Garcia, Munz & Weiskopf 2021: the output the network would give had the
 * sequence ended at that step). `probs` holds one row of class probabilities per step.
 *
 * Exactly:
 * - with `values` (one number per class): the expected class value `Σ_k p_k · values[k]`
 *   — e.g. `[1, 2, 3, 4, 5]` for star ratings, or `[0, 1]` for binary sentiment;
 * - without `values`, one column: that column, read as P(positive) (a sigmoid output);
 * - without `values`, two columns: the second column, P(class 1) = P(positive) — the
 *   same as `values = [0, 1]`;
 * - without `values`, three or more columns: the top-class probability `max_k p_k` (the
 *   classifier's confidence; for nominal classes an "expected class" is meaningless).
 *
 * Zero rows give an empty array. Rows are used as given (not renormalised), so exported probabilities rounded to a few
 * decimals give values a rounding error away from the exact ones.
 *
 * Throws `INVALID_SHAPE` for zero columns (with rows), `LENGTH_MISMATCH` when `values`
 * has a length other than the number of columns, `NON_FINITE` for a NaN/±Infinity
 * probability or value. O(rows · classes).
 *
 * @example
 * expectedPrediction([[0.2, 0.8], [0.9, 0.1]])           // → Float64Array [0.8, 0.1]
 * expectedPrediction([[0.5, 0.5, 0]], [1, 2, 3])         // → Float64Array [1.5]
 * expectedPrediction([[0.1, 0.7, 0.2]])                  // → Float64Array [0.7]
 */
export function expectedPrediction(probs: MatrixLike, values?: ArrayLike<number>): Float64Array {
  const m = toMatrix(probs, { name: 'probs', finite: true });
  const { rows, cols, data } = m;
  if (cols === 0 && rows > 0) throw new ClasslensError('INVALID_SHAPE', 'probs: no class columns');
  const out = new Float64Array(rows);
  if (values !== undefined) {
    if (values == null || typeof values !== 'object' || typeof values.length !== 'number') {
      throw new ClasslensError('INVALID_ARGUMENT', 'values: expected an array of numbers');
    }
    // Nested [] has zero rows and no columns to check `values` against.
    if (values.length !== cols && !(rows === 0 && cols === 0)) {
      throw new ClasslensError('LENGTH_MISMATCH', `values has length ${values.length} but probs has ${cols} columns`, {
        values: values.length,
        probs: cols,
      });
    }
    for (let k = 0; k < values.length; k++) {
      if (typeof values[k] !== 'number' || !Number.isFinite(values[k])) {
        throw new ClasslensError('NON_FINITE', `values: ${String(values[k])} at index ${k}`, { index: k });
      }
    }
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let k = 0; k < cols; k++) s += data[r * cols + k] * values[k];
      out[r] = s;
    }
  } else if (cols === 1) {
    for (let r = 0; r < rows; r++) out[r] = data[r];
  } else if (cols === 2) {
    for (let r = 0; r < rows; r++) out[r] = data[r * 2 + 1];
  } else {
    for (let r = 0; r < rows; r++) {
      let best = data[r * cols];
      for (let k = 1; k < cols; k++) if (data[r * cols + k] > best) best = data[r * cols + k];
      out[r] = best;
    }
  }
  return out;
}
