import { optionsOf } from '../common/internal/validate.js';
import { ClasslensError } from '../common/errors.js';
import type { Matrix, MatrixLike } from '../common/matrix.js';
import { toMatrix } from '../common/matrix.js';

/**
 * How a correlation r becomes a distance:
 * - `'1-r'`: 1 − r, in [0, 2]; anti-correlated classes are the farthest apart.
 * - `'sqrt(2(1-r))'`: √(2(1 − r)), the Euclidean distance between the two
 *   standardised score vectors divided by √(samples) — a metric, suited to Ward.
 * - `'1-|r|'`: 1 − |r|, in [0, 1]; strongly anti-correlated classes count as close.
 */
export type SimilarityToDistanceMethod = '1-r' | 'sqrt(2(1-r))' | '1-|r|';

/** Options of {@link similarityToDistance}. */
export interface SimilarityToDistanceOptions {
  /** Default `'1-r'`. */
  method?: SimilarityToDistanceMethod;
}

const METHODS: readonly SimilarityToDistanceMethod[] = ['1-r', 'sqrt(2(1-r))', '1-|r|'];

/**
 * Turns a correlation-like similarity matrix (entries in [−1, 1], e.g. from
 * `pearsonSimilarity`) into a distance matrix for {@link hclust}: a new square Float64
 * matrix with a zero diagonal. Rounding that puts r a hair outside [−1, 1] is clamped,
 * so distances are never negative.
 *
 * Degenerate cases: NaN similarities (a constant score column) stay NaN — pass
 * `{ nan: 'max' }` to {@link hclust} to place such classes last; the diagonal is 0 even
 * where the similarity is NaN. An empty matrix gives an empty matrix.
 *
 * @throws `NOT_SQUARE`; `NON_FINITE` for ±Infinity; `INVALID_ARGUMENT` for a value
 * outside [−1, 1] (beyond 1e-9) or an unknown method; `INVALID_SHAPE` for ragged rows.
 * Time O(n²).
 *
 * @example
 * const tree = hclust(similarityToDistance(pearsonSimilarity(logits)), { linkage: 'average', nan: 'max' });
 */
export function similarityToDistance(similarity: MatrixLike, options: SimilarityToDistanceOptions = {}): Matrix {
  const method = optionsOf(options).method ?? '1-r';
  if (!METHODS.includes(method)) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `method: expected '1-r', 'sqrt(2(1-r))' or '1-|r|', got ${JSON.stringify(method)}`,
    );
  }
  const s = toMatrix(similarity, { name: 'similarity' });
  if (s.rows !== s.cols) {
    throw new ClasslensError('NOT_SQUARE', `similarity: ${s.rows} × ${s.cols} matrix is not square`, {
      rows: s.rows,
      cols: s.cols,
    });
  }
  const n = s.rows;
  const src = s.data;
  for (let k = 0; k < src.length; k++) {
    const r = src[k];
    if (r === Infinity || r === -Infinity) {
      throw new ClasslensError('NON_FINITE', `similarity: ${r} at row ${Math.floor(k / n)}, column ${k % n}`, {
        row: Math.floor(k / n),
        col: k % n,
      });
    }
    if (r > 1 + 1e-9 || r < -1 - 1e-9) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `similarity: ${r} at row ${Math.floor(k / n)}, column ${k % n} is outside [−1, 1]`,
        {
          row: Math.floor(k / n),
          col: k % n,
        },
      );
    }
  }
  const out = new Float64Array(n * n);
  for (let k = 0; k < src.length; k++) {
    const r = src[k] > 1 ? 1 : src[k] < -1 ? -1 : src[k];
    out[k] = method === '1-r' ? 1 - r : method === '1-|r|' ? 1 - Math.abs(r) : Math.sqrt(2 * (1 - r));
  }
  for (let i = 0; i < n; i++) out[i * n + i] = 0;
  return { rows: n, cols: n, data: out };
}
