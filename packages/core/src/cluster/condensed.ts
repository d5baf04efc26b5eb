import { describeValue, optionsOf } from '../common/internal/validate.js';
import { ClasslensError } from '../common/errors.js';
import type { MatrixLike } from '../common/matrix.js';
import { toMatrix } from '../common/matrix.js';
import { rowStarts } from './internal/distances.js';

function throwFirst(d: Float32Array | Float64Array, n: number, bad: (a: number, b: number) => boolean): never {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = d[i * n + j];
      const b = d[j * n + i];
      if (bad(a, b))
        throw new ClasslensError('NOT_SYMMETRIC', `matrix: not symmetric at (${i}, ${j}): ${a} vs ${b}`, {
          row: i,
          col: j,
        });
    }
  }
  throw new Error('unreachable');
}

/** Options of {@link condensed}. */
export interface CondensedOptions {
  /** Relative tolerance of the symmetry check (default `1e-9`); `Infinity` skips it. */
  symmetryTolerance?: number;
}

/**
 * The upper triangle of a square symmetric matrix, row by row, as a new `Float64Array`
 * of length n(n − 1)/2 — SciPy's condensed form (`squareform(X)`), which {@link hclust}
 * accepts at half the memory of the square matrix. Entry (i, j), i < j, is at
 * `n·i − i(i + 1)/2 + j − i − 1`. The diagonal is ignored; values are copied as they are
 * (NaN stays NaN). Inverse: {@link squareform}.
 *
 * Degenerate cases: a 0 × 0 or 1 × 1 matrix gives an empty array.
 *
 * @throws `NOT_SQUARE` when rows ≠ columns; `NOT_SYMMETRIC` naming the first pair (i, j)
 * (row-major, i < j) whose entries differ by more than the tolerance (two NaNs match);
 * `INVALID_SHAPE` for ragged nested arrays; `INVALID_ARGUMENT` for a bad tolerance.
 * Time O(n²).
 *
 * @example
 * condensed([[0, 1, 2], [1, 0, 3], [2, 3, 0]]); // Float64Array [1, 2, 3]
 */
export function condensed(matrix: MatrixLike, options: CondensedOptions = {}): Float64Array {
  const tol = optionsOf(options).symmetryTolerance ?? 1e-9;
  if (typeof tol !== 'number' || !(tol >= 0)) {
    throw new ClasslensError('INVALID_ARGUMENT', `symmetryTolerance: expected a number ≥ 0, got ${describeValue(tol)}`);
  }
  const m = toMatrix(matrix, { name: 'matrix' });
  if (m.rows !== m.cols) {
    throw new ClasslensError('NOT_SQUARE', `matrix: ${m.rows} × ${m.cols} matrix is not square`, {
      rows: m.rows,
      cols: m.cols,
    });
  }
  const n = m.rows;
  const d = m.data;
  const out = new Float64Array((n * (n - 1)) / 2);
  const rs = rowStarts(n);
  const bad = (a: number, b: number): boolean =>
    a !== b && !(a !== a && b !== b) && !(Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b)));
  // Blocked so that the column-wise reads of the lower triangle stay in cache.
  const B = 64;
  for (let ib = 0; ib < n; ib += B) {
    const iEnd = Math.min(n, ib + B);
    for (let jb = ib; jb < n; jb += B) {
      const jEnd = Math.min(n, jb + B);
      for (let i = ib; i < iEnd; i++) {
        const o = rs[i];
        for (let j = Math.max(jb, i + 1); j < jEnd; j++) {
          const a = d[i * n + j];
          const b = d[j * n + i];
          if (a !== b && bad(a, b)) throwFirst(d, n, bad);
          out[o + j] = a;
        }
      }
    }
  }
  return out;
}
