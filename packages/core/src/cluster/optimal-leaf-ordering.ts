import { optionsOf } from '../common/internal/validate.js';
import type { AsyncOptions } from '../common/async.js';
import { ClasslensError } from '../common/errors.js';
import type { HclustTree } from './hclust.js';
import type { DistanceInput, DistanceReadOptions } from './internal/distances.js';
import { checkReadOptions, distanceShape, pairReader, readDistances } from './internal/distances.js';
import { optimalOrder } from './internal/optimal-order.js';
import { runSteps, runStepsAsync, type Steps } from '../common/internal/steps.js';
import { asyncOptionsOf } from '../common/internal/validate.js';
import type { TreeLike } from './internal/tree.js';
import { checkTree, leavesOrder, toMerges } from './internal/tree.js';

/** Options of {@link optimalLeafOrdering}. */
export interface OptimalLeafOrderingOptions extends DistanceReadOptions {
  /**
   * `'exact'` (default): the optimal order (Bar-Joseph et al.'s backtracking).
   * `'scipy'`: exactly SciPy's `optimal_leaf_ordering` output, which reads the order out
   * of the same cost table with per-node swap flags and misses the optimum on many
   * inputs (scipy issue #11227) — for reproducing SciPy figures.
   */
  method?: 'exact' | 'scipy';
}

/** Options of {@link optimalLeafOrderingAsync}. */
export interface OptimalLeafOrderingAsyncOptions extends OptimalLeafOrderingOptions, AsyncOptions {}

function* olo(
  tree: TreeLike,
  distances: DistanceInput,
  options: OptimalLeafOrderingOptions | undefined,
  deadline: () => number,
): Steps<HclustTree> {
  const t = checkTree(tree);
  const readOptions = checkReadOptions(options);
  const method = optionsOf(options).method ?? 'exact';
  if (method !== 'exact' && method !== 'scipy') {
    throw new ClasslensError('INVALID_ARGUMENT', `method: expected 'exact' or 'scipy', got ${JSON.stringify(method)}`);
  }
  const shape = distanceShape(distances, 'distances');
  if (shape.n !== t.n) {
    throw new ClasslensError('LENGTH_MISMATCH', `distances has ${shape.n} points but tree has ${t.n} leaves`, {
      distances: shape.n,
      tree: t.n,
    });
  }
  const reading = readDistances(shape, readOptions, deadline, null);
  let r = reading.next();
  while (!r.done) {
    yield r.value * 0.05;
    r = reading.next();
  }
  const ordering = optimalOrder(t, pairReader(r.value), deadline, method === 'scipy');
  let o = ordering.next();
  while (!o.done) {
    yield 0.05 + 0.95 * o.value;
    o = ordering.next();
  }
  return { merges: toMerges(o.value), order: leavesOrder(o.value) };
}

/**
 * Flips the children of a dendrogram's merges so that the leaf order minimises the sum
 * of distances between neighbouring leaves, without changing the tree — Bar-Joseph,
 * Gifford & Jaakkola (2001), "Fast optimal leaf ordering for hierarchical clustering".
 * Returns a new tree (the input is not modified): the same merges and heights with the
 * two ids of some rows swapped, and `order` its leaves left to right.
 *
 * The cost table is computed exactly as SciPy's `optimal_leaf_ordering` computes it
 * (float32 costs, same pruning and tie order). SciPy then reads the order out with
 * per-node swap flags that ignore the ends the parent needs, so its result is not
 * always optimal (scipy issue #11227; about a third of small random trees). The default
 * `method: 'exact'` backtracks as the paper does and is optimal (up to float32 rounding
 * of the costs); it equals SciPy's output whenever SciPy's is optimal and the optimum
 * is unique. `method: 'scipy'` reproduces SciPy's output exactly.
 *
 * `distances` must be those the tree was built from (square or condensed, read as by
 * {@link hclust}). Degenerate cases: trees with fewer than 3 leaves come back unchanged.
 *
 * Complexity: O(n³) time in the worst case (the pruning usually does much better),
 * memory two condensed float64 matrices (the distances in leaf order and an n × n float32
 * cost table).
 *
 * @throws `INVALID_ARGUMENT` / `NON_FINITE` for a malformed tree or an unknown method; `LENGTH_MISMATCH` when
 * the distances and the tree have different numbers of points; the distance errors of
 * {@link hclust}.
 *
 * @example
 * const tree = optimalLeafOrdering(hclust(d, { linkage: 'average' }), d);
 * // same as hclust(d, { linkage: 'average', optimalOrdering: true })
 * const asScipy = optimalLeafOrdering(hclust(d), d, { method: 'scipy' });
 */
export function optimalLeafOrdering(
  tree: TreeLike,
  distances: DistanceInput,
  options?: OptimalLeafOrderingOptions,
): HclustTree {
  return runSteps((deadline) => olo(tree, distances, options, deadline));
}

/**
 * {@link optimalLeafOrdering} that yields to the event loop about every 10 ms, reports
 * progress and can be aborted (rejects with an `AbortError`).
 *
 * @example
 * const tree = await optimalLeafOrderingAsync(hclust(d), d, { signal });
 */
export function optimalLeafOrderingAsync(
  tree: TreeLike,
  distances: DistanceInput,
  options: OptimalLeafOrderingAsyncOptions = {},
): Promise<HclustTree> {
  return runStepsAsync((deadline) => olo(tree, distances, options, deadline), asyncOptionsOf(options));
}
