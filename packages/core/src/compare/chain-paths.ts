import { ClasslensError, type Key } from '../common/index.js';
import { booleanOption, optionsOf } from '../common/internal/validate.js';
import { readWeights, weightOf, type Weights } from '../common/internal/weights.js';
import { checkDeferred, encodeLabels } from './internal/encode-labels.js';
import { groupTuples } from './internal/group-tuples.js';

/** One path of predictions through a chain of model versions ({@link chainPaths}). */
export interface ChainPath {
  /** The class at each stage, in stage order. */
  path: Key[];
  /** Items that follow this path (with `weights`, their total weight). */
  count: number;
  /** Those items, ascending. */
  indices: number[];
}

/** Options for {@link chainPaths}. */
export interface ChainPathsOptions {
  /** Keep only items whose class changes somewhere along the chain (default `false`). */
  changedOnly?: boolean;
  /** Class list shared by all stages; with it, integer typed arrays are class indices. */
  classes?: ArrayLike<Key>;
  /**
   * Item weights (an array, or `(i) => weight`; non-negative finite numbers): each path's
   * `count` becomes the sum of its items' weights, and paths are sorted by it; `indices`
   * are unchanged. Default: every item counts 1.
   */
  weights?: Weights;
}

/**
 * Every distinct path of classes an item takes through a chain of stages — typically the
 * predictions of successive model versions, optionally with the truth as stage 0 — with
 * its count and items, most frequent first: the bundles of a chain Sankey
 * (`flowGraph` draws the same items as per-stage links and agrees with these counts).
 *
 * Sorted by count, descending; equal counts by path, in class order stage by stage.
 * `changedOnly` drops the items whose class is the same at every stage (a chain of one
 * stage then keeps nothing). Classes are shared by all stages: `classes`, or the sorted
 * union of every stage's labels. No stages give `[]`.
 *
 * Cost: while (classes)^stages ≤ min(2^24, 4n + 4096), one pass counts paths in a flat
 * table and a second writes each item into its path's `indices` — the only item-sized
 * allocation (straight-line loops up to four stages, a generic loop beyond). Larger
 * path spaces renumber paths stage by stage through a Map (one extra n-sized scratch).
 *
 * @param stages - one label array per stage, all the same length.
 * @param options - `changedOnly`, `classes`.
 * @throws `INVALID_ARGUMENT` when `stages` is not an array; `LENGTH_MISMATCH`,
 *   `UNKNOWN_CLASS`, `NON_FINITE`, `DUPLICATE_KEY` for bad labels or classes; for
 *   `weights`: `LENGTH_MISMATCH`, `NOT_A_NUMBER`, `NON_FINITE`, `INVALID_ARGUMENT`
 *   (negative) naming the index.
 * @remarks O(n·s + paths·log paths) for n items and s stages.
 * @example
 * chainPaths([['a', 'a', 'b'], ['a', 'b', 'b']])
 * // → [{ path: ['a', 'a'], count: 1, indices: [0] },
 * //    { path: ['a', 'b'], count: 1, indices: [1] },
 * //    { path: ['b', 'b'], count: 1, indices: [2] }]
 */
export function chainPaths(stages: ArrayLike<ArrayLike<Key>>, options: ChainPathsOptions = {}): ChainPath[] {
  const o = optionsOf(options);
  const changedOnly = booleanOption(o.changedOnly, 'changedOnly', false);
  if (stages == null || typeof stages !== 'object' || typeof stages.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', 'stages: expected an array of label arrays');
  }
  if (stages.length === 0) return [];
  const columns: Record<string, ArrayLike<Key>> = {};
  for (let s = 0; s < stages.length; s++) columns[`stages[${s}]`] = stages[s];
  // The counting pass range-checks zero-copy class indices itself.
  const enc = encodeLabels(columns, o.classes ?? undefined, true);
  const { classes, codes } = enc;
  const w = readWeights(o.weights, enc.n);
  const width = codes.length;
  const groups = groupTuples(codes, classes.length, changedOnly, () => checkDeferred(enc));
  const arrays: number[][] = new Array(groups.size);
  for (let g = 0; g < groups.size; g++) arrays[g] = new Array<number>(groups.counts[g]);
  groups.fillArrays(arrays);
  const counts = w === null ? groups.counts : Float64Array.from(arrays, (ix) => weightOf(ix, w));
  // Groups come in path order; a stable sort by count keeps that order among ties.
  const order = Array.from({ length: groups.size }, (_, g) => g);
  order.sort((a, b) => counts[b] - counts[a]);
  return order.map((g) => {
    const path = new Array<Key>(width);
    for (let s = 0; s < width; s++) path[s] = classes[groups.tuples[g * width + s]];
    return { path, count: counts[g], indices: arrays[g] };
  });
}
