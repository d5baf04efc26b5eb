import { optionsOf } from '../common/internal/validate.js';
import { ClasslensError } from '../common/errors.js';
import { toMatrix, type MatrixLike } from '../common/matrix.js';
import { argmaxRows } from './internal/argmax-rows.js';
import { layoutOffsets, sequenceStarts } from './internal/sequence-layout.js';

/** Options for {@link topClassChanges}. */
export interface TopClassChangesOptions {
  /** Splits the rows of `expected` into sequences (default: one sequence). */
  lengths?: ArrayLike<number>;
}

/**
 * The steps (rows of `expected`, increasing) where the top class of the expected
 * prediction differs from the previous step of the same sequence — where reading one more
 * input flipped what the classifier would answer. Top classes follow {@link topClasses}
 * (first largest column; one column is P(positive), class 1 when `p > 0.5`); the classes
 * before and after a flip at row `i` are `topClasses(expected)[i − 1]` and `[i]`. First
 * steps of sequences never count.
 *
 * Throws `LENGTH_MISMATCH` when `lengths` does not sum to `expected.rows`,
 * `INVALID_ARGUMENT`/`NON_FINITE` for a bad length, `NON_FINITE` for a NaN/±Infinity
 * probability, `INVALID_SHAPE` for zero columns (with rows). O(rows · classes).
 *
 * @example
 * topClassChanges([[0.7, 0.2, 0.1], [0.3, 0.6, 0.1], [0.2, 0.7, 0.1]])
 * // → Uint32Array [1]
 */
export function topClassChanges(expected: MatrixLike, options: TopClassChangesOptions = {}): Uint32Array {
  const m = toMatrix(expected, { name: 'expected', finite: true });
  const lengths = optionsOf(options).lengths ?? undefined;
  const offsets = lengths === undefined ? undefined : layoutOffsets(lengths, m.rows, 'expected');
  if (m.cols === 0 && m.rows > 0) throw new ClasslensError('INVALID_SHAPE', 'expected: no class columns');
  const top = argmaxRows(m);
  const starts = sequenceStarts(m.rows, offsets);
  const out = new Uint32Array(m.rows);
  let count = 0;
  for (let r = 1; r < m.rows; r++) if (!starts[r] && top[r] !== top[r - 1]) out[count++] = r;
  return out.slice(0, count);
}
