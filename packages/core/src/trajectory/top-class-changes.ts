import { ClasslensError } from '../common/errors.js';
import { toMatrix, type MatrixLike } from '../common/matrix.js';
import { layoutOffsets, sequenceStarts } from './layout.js';

/** Options for {@link topClassChanges}. */
export interface TopClassChangesOptions {
  /** Splits the rows of `expected` into sequences (default: one sequence). */
  lengths?: ArrayLike<number>;
}

/** A step where the predicted class changed: see {@link topClassChanges}. */
export interface TopClassChange {
  /** Row of `expected` (the step whose input flipped the prediction). */
  index: number;
  /** Class index (column) predicted at the previous step. */
  from: number;
  /** Class index (column) predicted at this step. */
  to: number;
}

/**
 * The steps where the top class of the expected prediction differs from the previous
 * step of the same sequence — where reading one more input flipped what the classifier
 * would answer. The top class of a row is its first largest column (numpy's `argmax`
 * rule for ties); a single column is read as P(positive) of a binary classifier, i.e. as
 * the row `[1 − p, p]`, so its top class is 1 when `p > 0.5` and 0 otherwise. First
 * steps of sequences never count.
 *
 * Throws `LENGTH_MISMATCH` when `lengths` does not sum to `expected.rows`,
 * `INVALID_ARGUMENT`/`NON_FINITE` for a bad length, `NON_FINITE` for a NaN/±Infinity
 * probability, `INVALID_SHAPE` for zero columns (with rows). O(rows · classes).
 *
 * @example
 * topClassChanges([[0.7, 0.2, 0.1], [0.3, 0.6, 0.1], [0.2, 0.7, 0.1]])
 * // → [{ index: 1, from: 0, to: 1 }]
 */
export function topClassChanges(expected: MatrixLike, options: TopClassChangesOptions = {}): TopClassChange[] {
  const m = toMatrix(expected, { name: 'expected', finite: true });
  const { rows, cols, data } = m;
  if (cols === 0 && rows > 0) {
    throw new ClasslensError('INVALID_SHAPE', 'expected: no class columns');
  }
  const offsets = options.lengths === undefined ? undefined : layoutOffsets(options.lengths, rows, 'expected');
  const starts = sequenceStarts(rows, offsets);
  const out: TopClassChange[] = [];
  let prev = -1;
  for (let r = 0; r < rows; r++) {
    let top: number;
    if (cols === 1) top = data[r] > 0.5 ? 1 : 0;
    else {
      top = 0;
      let best = data[r * cols];
      for (let k = 1; k < cols; k++) {
        const v = data[r * cols + k];
        if (v > best) {
          best = v;
          top = k;
        }
      }
    }
    if (!starts[r] && top !== prev) out.push({ index: r, from: prev, to: top });
    prev = top;
  }
  return out;
}
