import type { AsyncOptions } from '../common/async.js';
import type { Matrix } from '../common/matrix.js';
import { CopheneticRows } from './internal/cophenetic-pairs.js';
import { runSteps, runStepsAsync, type Steps } from '../common/internal/steps.js';
import { asyncOptionsOf } from '../common/internal/validate.js';
import type { TreeLike } from './internal/tree.js';
import { checkTree } from './internal/tree.js';
import { checkSize } from '../common/internal/validate.js';

/** Largest n × n matrix `cophenetic` writes: 2^31 entries (16 GiB), far past what engines allocate. */
const MAX_SQUARE = 2 ** 31;

function* steps(tree: TreeLike, deadline: () => number): Steps<Matrix> {
  const t = checkTree(tree);
  const n = t.n;
  checkSize(`cophenetic: ${n} × ${n} matrix`, n * n, MAX_SQUARE);
  const rows = new CopheneticRows(t);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    // Whole rows (each pair computed twice) so that writes stay sequential.
    rows.row(i, 0, n, data, i * n);
    if (performance.now() > deadline()) yield (i + 1) / n;
  }
  return { rows: n, cols: n, data };
}

/**
 * The cophenetic distance matrix of a dendrogram: entry (i, j) is the height of the merge
 * at which points i and j first share a cluster (Sokal & Rohlf 1962) — SciPy's
 * `squareform(cophenet(Z))`. A new square Float64 matrix with a zero diagonal; for the
 * monotone linkages of {@link hclust} it is an ultrametric.
 *
 * Degenerate cases: an empty tree gives a 0 × 0 matrix, one leaf gives `[[0]]`.
 *
 * @throws `INVALID_ARGUMENT` / `NON_FINITE` for a malformed tree.
 * Time O(n²) (O(1) per pair from a range-maximum table), memory the n × n result plus
 * O(n log n).
 *
 * @example
 * const c = cophenetic(hclust(d, { linkage: 'average' }));
 */
export function cophenetic(tree: TreeLike): Matrix {
  return runSteps((deadline) => steps(tree, deadline));
}

/**
 * {@link cophenetic} in slices of about 10 ms, with progress and abort (rejects with an
 * `AbortError`). Worth it from a few thousand leaves.
 *
 * @example
 * const c = await copheneticAsync(tree, { signal });
 */
export function copheneticAsync(tree: TreeLike, options: AsyncOptions = {}): Promise<Matrix> {
  return runStepsAsync((deadline) => steps(tree, deadline), asyncOptionsOf(options));
}
