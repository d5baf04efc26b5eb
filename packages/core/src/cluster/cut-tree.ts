import { describeValue } from '../common/internal/validate.js';
import { ClasslensError } from '../common/errors.js';
import type { TreeLike } from './internal/tree.js';
import { checkTree } from './internal/tree.js';

/**
 * Flat clusters from a dendrogram: the partition into `k` clusters left after the first
 * n − k merges, as `scipy.cluster.hierarchy.cut_tree(Z, n_clusters=k)[:, 0]`. Labels
 * are 0 … k − 1, numbered in order of each cluster's smallest point index (point 0 is
 * always in cluster 0) — `cut_tree`'s numbering. (SciPy's `fcluster(Z, k, 'maxclust')`
 * gives the same partition for monotone trees but numbers clusters 1 … k in dendrogram
 * order.) Where several merges share the height at the cut, the first ones in
 * `tree.merges` are applied.
 *
 * Degenerate cases: k = n gives 0 … n − 1; k = 1 gives all zeros; an empty tree with
 * k = 0 gives an empty array.
 *
 * @throws `INVALID_ARGUMENT` when `k` is not an integer in [1, n] or the tree is malformed.
 * Time O(n α(n)).
 *
 * @example
 * cutTree(hclust(d), 3); // Int32Array [0, 0, 1, 2, 1, …]
 */
export function cutTree(tree: TreeLike, k: number): Int32Array {
  const t = checkTree(tree);
  const n = t.n;
  if (!Number.isInteger(k) || k > n || k < (n === 0 ? 0 : 1)) {
    throw new ClasslensError('INVALID_ARGUMENT', `k: expected an integer in [1, ${n}], got ${describeValue(k)}`);
  }
  const parent = new Int32Array(Math.max(1, 2 * n - 1));
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (let s = 0; s < n - k; s++) {
    parent[find(t.a[s])] = n + s;
    parent[find(t.b[s])] = n + s;
  }
  const labels = new Int32Array(n);
  const byRoot = new Int32Array(Math.max(1, 2 * n - 1)).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (byRoot[r] < 0) byRoot[r] = next++;
    labels[i] = byRoot[r];
  }
  return labels;
}
