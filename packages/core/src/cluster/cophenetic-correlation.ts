import type { AsyncOptions } from '../common/async.js';
import { ClasslensError } from '../common/errors.js';
import { copheneticPairs } from './internal/cophenetic-pairs.js';
import type { DistanceInput, DistanceReadOptions } from './internal/distances.js';
import { checkReadOptions, distanceShape, pairReader, readDistances } from './internal/distances.js';
import type { Steps } from './internal/run.js';
import { runAsync, runSync } from './internal/run.js';
import type { TreeLike } from './internal/tree.js';
import { checkTree } from './internal/tree.js';

/** Options of {@link copheneticCorrelation}: how to read the distances (as in {@link hclust}). */
export type CopheneticCorrelationOptions = DistanceReadOptions;

/** Options of {@link copheneticCorrelationAsync}. */
export interface CopheneticCorrelationAsyncOptions extends CopheneticCorrelationOptions, AsyncOptions {}

function* steps(tree: TreeLike, distances: DistanceInput, options: CopheneticCorrelationOptions | undefined, deadline: () => number): Steps<number> {
  const t = checkTree(tree);
  const readOptions = checkReadOptions(options);
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
    yield r.value * 0.2;
    r = reading.next();
  }
  const n = t.n;
  const pairs = (n * (n - 1)) / 2;
  if (pairs === 0) return NaN;
  const dist = pairReader(r.value);
  // Two passes (means, then centred sums) as scipy.cluster.hierarchy.cophenet does, so
  // large offsets do not cancel.
  let sy = 0;
  let sz = 0;
  for (const f of copheneticPairs(t, (i, j, h) => {
    sy += i < j ? dist(i, j) : dist(j, i);
    sz += h;
  }, deadline)) yield 0.2 + 0.4 * f;
  const my = sy / pairs;
  const mz = sz / pairs;
  let syz = 0;
  let syy = 0;
  let szz = 0;
  for (const f of copheneticPairs(t, (i, j, h) => {
    const y = (i < j ? dist(i, j) : dist(j, i)) - my;
    const z = h - mz;
    syz += y * z;
    syy += y * y;
    szz += z * z;
  }, deadline)) yield 0.6 + 0.4 * f;
  return syz / Math.sqrt(syy * szz);
}

/**
 * The cophenetic correlation coefficient (Sokal & Rohlf 1962): Pearson's r between the
 * input distances and the tree's cophenetic distances over all n(n − 1)/2 pairs — how
 * faithfully the dendrogram preserves the distances (1 = perfectly). Same value as the
 * first result of `scipy.cluster.hierarchy.cophenet(Z, y)`. No n × n matrix is allocated.
 *
 * Degenerate cases: fewer than 2 points, or constant input or cophenetic distances
 * (zero variance) → `NaN`.
 *
 * @throws `LENGTH_MISMATCH` when the distances and the tree have different numbers of
 * points; the distance errors of {@link hclust}; `INVALID_ARGUMENT` for a malformed tree.
 * Time O(n²).
 *
 * @example
 * copheneticCorrelation(hclust(d, { linkage: 'average' }), d); // e.g. 0.87
 */
export function copheneticCorrelation(tree: TreeLike, distances: DistanceInput, options?: CopheneticCorrelationOptions): number {
  return runSync((deadline) => steps(tree, distances, options, deadline));
}

/**
 * {@link copheneticCorrelation} in slices of about 12 ms, with progress and abort.
 *
 * @example
 * const r = await copheneticCorrelationAsync(tree, d, { signal });
 */
export function copheneticCorrelationAsync(
  tree: TreeLike,
  distances: DistanceInput,
  options: CopheneticCorrelationAsyncOptions = {},
): Promise<number> {
  return runAsync((deadline) => steps(tree, distances, options, deadline), options);
}
