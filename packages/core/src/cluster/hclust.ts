import type { AsyncOptions } from '../common/async.js';
import { ClasslensError } from '../common/errors.js';
import type { DistanceInput, NanPolicy } from './internal/distances.js';
import type { DistanceSource } from './internal/distances.js';
import { checkReadOptions, distanceShape, pairReader, readDistances, rowStarts } from './internal/distances.js';
import { AVERAGE, COMPLETE, WARD, mstSingle, nnChain } from './internal/nn-chain.js';
import { optimalOrder } from './internal/optimal-order.js';
import { runSteps, runStepsAsync, scaleSteps, type Steps } from '../common/internal/steps.js';
import { asyncOptionsOf } from '../common/internal/validate.js';
import type { Merge } from './internal/tree.js';
import { finalizeLinkage, leavesOrder, toMerges } from './internal/tree.js';
import { scaleExponent, scaleInPlace } from '../common/internal/scale.js';

export type { DistanceInput, DistanceReadOptions, NanPolicy } from './internal/distances.js';
export type { Merge, TreeLike } from './internal/tree.js';

/** How the distance between two clusters is defined. */
export type Linkage = 'single' | 'complete' | 'average' | 'ward';

/**
 * A dendrogram in SciPy's linkage-matrix convention.
 *
 * - `merges[k] = [a, b, height, size]`: step k joins clusters `a` and `b` (ids `< n` are
 *   the input points, id `n + k` is the cluster made by step k) at distance `height` into
 *   a cluster of `size` points. Rows are sorted by height (stable), `a < b`, exactly as
 *   `scipy.cluster.hierarchy.linkage` returns them (after optimal ordering the two ids
 *   of a row may be swapped, as in SciPy).
 * - `order`: the leaves left to right, `scipy.cluster.hierarchy.leaves_list` of the same
 *   tree — the row/column order of a clustered heatmap.
 */
export interface HclustTree {
  merges: Merge[];
  order: number[];
}

/** Options of {@link hclust}. */
export interface HclustOptions {
  /** Cluster distance (default `'average'`, UPGMA: the usual choice for heatmaps). */
  linkage?: Linkage;
  /**
   * Reorder leaves to minimise the sum of distances between neighbours (default
   * `false`): `true` for the optimal order, `'scipy'` for exactly what
   * `linkage(..., optimal_ordering=True)` returns (not always optimal, scipy #11227).
   * See {@link optimalLeafOrdering}.
   */
  optimalOrdering?: boolean | 'scipy';
  /** NaN distances: `'error'` (default) throws `NON_FINITE`; `'max'` uses the largest finite distance. */
  nan?: NanPolicy;
  /** Relative tolerance when checking a square matrix for symmetry (default `1e-9`). */
  symmetryTolerance?: number;
}

/** Options of {@link hclustAsync}. */
export interface HclustAsyncOptions extends HclustOptions, AsyncOptions {}

const LINKAGES: Record<Linkage, number> = { single: 0, complete: COMPLETE, average: AVERAGE, ward: WARD };

function checkOptions(options: HclustOptions | undefined): {
  linkage: Linkage;
  optimalOrdering: false | 'exact' | 'scipy';
} {
  if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
    throw new ClasslensError('INVALID_ARGUMENT', 'hclust: options must be an object');
  }
  const linkage = options?.linkage ?? 'average';
  if (!Object.prototype.hasOwnProperty.call(LINKAGES, linkage)) {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `linkage: expected 'single', 'complete', 'average' or 'ward', got ${JSON.stringify(linkage)}`,
    );
  }
  const o = options?.optimalOrdering ?? false;
  if (o !== true && o !== false && o !== 'scipy') {
    throw new ClasslensError(
      'INVALID_ARGUMENT',
      `optimalOrdering: expected true, false or 'scipy', got ${JSON.stringify(o)}`,
    );
  }
  return { linkage, optimalOrdering: o === true ? 'exact' : o };
}

/** Row starts that make `D[rs[i] + j]` read entry (i, j) of a square n × n matrix. */
function squareRowStarts(n: number): Int32Array {
  const rs = new Int32Array(Math.max(n, 1));
  for (let i = 0; i < n; i++) rs[i] = i * n;
  return rs;
}

function* hclustSteps(
  distances: DistanceInput,
  options: HclustOptions | undefined,
  deadline: () => number,
): Steps<HclustTree> {
  const { linkage, optimalOrdering } = checkOptions(options);
  const readOptions = checkReadOptions(options);
  const shape = distanceShape(distances, 'distances');
  const n = shape.n;
  // Progress weights: reading ≈ 10 %, merging ≈ 90 % (or 30 / 70 with optimal ordering).
  const wRead = 0.1;
  const wMerge = optimalOrdering ? 0.3 : 0.9;
  let D: Float64Array | null = null;
  let rs: Int32Array | null = null;
  let source: DistanceSource | null = null;
  // Single linkage only reads the distances: float64 input without NaN is used in place
  // (no copy at all). Otherwise one condensed working copy, which NN-chain overwrites
  // with cluster distances.
  const data = shape.condensed ?? shape.square?.data;
  if (linkage === 'single' && data instanceof Float64Array) {
    source = yield* scaleSteps(readDistances(shape, readOptions, deadline, null), 0, wRead);
    if (!source.hasNan) {
      D = data;
      rs = shape.condensed ? rowStarts(n) : squareRowStarts(n);
    }
  }
  if (D === null || rs === null) {
    D = new Float64Array((n * (n - 1)) / 2);
    rs = rowStarts(n);
    source = yield* scaleSteps(readDistances(shape, readOptions, deadline, D), 0, wRead);
  }
  // Distances beyond 2^±250 are scaled by an exact power of two in the working copy, so
  // that Ward's update (which squares them) neither overflows nor underflows; heights are
  // scaled back. (Single linkage only compares distances.)
  const e = linkage === 'single' ? 0 : scaleExponent((source as DistanceSource).nanValue, -250, 250);
  if (e !== 0) scaleInPlace(D, -e);
  const engine = linkage === 'single' ? mstSingle(D, n, rs, deadline) : nnChain(D, n, LINKAGES[linkage], deadline);
  const raw = yield* scaleSteps(engine, wRead, wRead + wMerge);
  D = null;
  let tree = finalizeLinkage(raw, n);
  if (e !== 0) scaleInPlace(tree.h, e);
  if (optimalOrdering) {
    // NN-chain consumed the working copy; the ordering reads the caller's distances.
    const ordering = optimalOrder(tree, pairReader(source as DistanceSource), deadline, optimalOrdering === 'scipy');
    tree = yield* scaleSteps(ordering, wRead + wMerge, 1);
  }
  return { merges: toMerges(tree), order: leavesOrder(tree) };
}

/**
 * Agglomerative hierarchical clustering with SciPy's results: the same merges, heights
 * (to 1e-9; bit-identical in practice, as the arithmetic is the same), labels and leaf
 * order as `scipy.cluster.hierarchy.linkage(y, method)` followed by `leaves_list`.
 *
 * Single linkage runs Prim's minimum spanning tree; complete, average and Ward run the
 * nearest-neighbour chain (Müllner 2011, arXiv:1109.2378) with Lance–Williams updates.
 * Both are O(n²) time. Complete, average and Ward use one condensed working copy
 * (n(n − 1)/2 float64) plus O(n); single linkage reads float64 input in place (O(n)
 * extra) and copies only Float32 input or input with NaN.
 * Ward assumes Euclidean distances, as in SciPy. With `optimalOrdering`, the children of
 * merges are then swapped so that the leaf order minimises the sum of distances between
 * neighbours (Bar-Joseph et al. 2001; see {@link optimalLeafOrdering}; O(n³) worst case,
 * keep it to a few thousand points).
 *
 * `distances` is a square symmetric matrix (its upper triangle is used, the diagonal is
 * ignored) or a condensed `Float64Array`/`Float32Array` (see {@link condensed}).
 *
 * Degenerate cases: 0 points → `{ merges: [], order: [] }`; 1 point → `{ merges: [], order: [0] }`.
 *
 * @throws `NOT_SQUARE` for a non-square matrix; `NOT_SYMMETRIC` naming the first pair
 * (i, j) whose entries differ by more than `symmetryTolerance` (relative);
 * `NON_FINITE` for ±Infinity, and for NaN unless `nan: 'max'`; `NOT_A_NUMBER` for a cell
 * that is not a number; `INVALID_ARGUMENT` for a negative distance or an unknown option;
 * `INVALID_SHAPE` for a condensed array whose length is not n(n − 1)/2, or a plain
 * `number[]`; `TOO_LARGE` for more than 46,341 points.
 *
 * Distances beyond 2^±250 are scaled by an exact power of two in the working copy (Ward
 * squares them) and the heights scaled back: any finite magnitude gives the same tree.
 *
 * @example
 * const tree = hclust(similarityToDistance(pearsonSimilarity(logits)), { linkage: 'average' });
 * const rowsInOrder = tree.order.map((i) => classes[i]);
 */
export function hclust(distances: DistanceInput, options?: HclustOptions): HclustTree {
  return runSteps((deadline) => hclustSteps(distances, options, deadline));
}

/**
 * {@link hclust} that yields to the event loop about every 10 ms, reports progress and
 * can be aborted (rejects with an `AbortError` within one slice). Runs in the calling
 * thread: the merge loop is inherently sequential.
 *
 * @example
 * const tree = await hclustAsync(distances, { linkage: 'ward', signal, onProgress: (f) => bar.value = f });
 */
export function hclustAsync(distances: DistanceInput, options: HclustAsyncOptions = {}): Promise<HclustTree> {
  return runStepsAsync((deadline) => hclustSteps(distances, options, deadline), asyncOptionsOf(options));
}
