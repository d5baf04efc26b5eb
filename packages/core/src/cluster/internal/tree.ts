// Linkage-matrix bookkeeping shared by hclust, cutTree, cophenetic and optimal leaf
// ordering: scipy's post-processing (stable sort by height, union-find relabelling),
// the dendrogram's leaf order, and validation of a tree passed back in by a caller.
import { badNumber, describeValue } from '../../common/internal/validate.js';
import { ClasslensError } from '../../common/errors.js';
import type { RawLinkage } from './nn-chain.js';

/** One row of a linkage matrix: the two merged cluster ids, the height, the new size. */
export type Merge = [a: number, b: number, height: number, size: number];

/** The columns of a validated linkage matrix, as typed arrays. */
export interface TreeColumns {
  readonly n: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly h: Float64Array;
}

/**
 * scipy's ending for both engines: sort merges by height with a stable sort (numpy's
 * `argsort(kind='mergesort')`), then relabel each merge's clusters with union-find so
 * that ids ≥ n name earlier merges, smaller root first, and record sizes.
 */
export function finalizeLinkage(raw: RawLinkage, n: number): TreeColumns {
  const count = Math.max(0, n - 1);
  const idx = new Array<number>(count);
  for (let k = 0; k < count; k++) idx[k] = k;
  const rh = raw.h;
  // Array.prototype.sort is stable (ES2019); NaN heights (Ward on non-Euclidean input) last.
  idx.sort((p, q) => {
    const hp = rh[p];
    const hq = rh[q];
    if (hp < hq) return -1;
    if (hp > hq) return 1;
    return hp === hq ? 0 : hp !== hp ? (hq !== hq ? 0 : 1) : -1;
  });
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const h = new Float64Array(count);
  const parent = new Int32Array(Math.max(1, 2 * n - 1));
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (v: number): number => {
    let r = v;
    while (parent[r] !== r) r = parent[r];
    while (parent[v] !== r) {
      const next = parent[v];
      parent[v] = r;
      v = next;
    }
    return r;
  };
  for (let k = 0; k < count; k++) {
    const j = idx[k];
    const x = find(raw.a[j]);
    const y = find(raw.b[j]);
    a[k] = x < y ? x : y;
    b[k] = x < y ? y : x;
    h[k] = rh[j];
    parent[x] = n + k;
    parent[y] = n + k;
  }
  return { n, a, b, h };
}

/** Cluster sizes of every merge (column 4 of a linkage matrix). */
export function mergeSizes(t: TreeColumns): Int32Array {
  const { n, a, b } = t;
  const sizes = new Int32Array(Math.max(0, n - 1));
  for (let k = 0; k < n - 1; k++) {
    sizes[k] = (a[k] < n ? 1 : sizes[a[k] - n]) + (b[k] < n ? 1 : sizes[b[k] - n]);
  }
  return sizes;
}

/** The linkage as `[a, b, height, size]` rows. */
export function toMerges(t: TreeColumns): Merge[] {
  const sizes = mergeSizes(t);
  const out: Merge[] = new Array(sizes.length);
  for (let k = 0; k < sizes.length; k++) out[k] = [t.a[k], t.b[k], t.h[k], sizes[k]];
  return out;
}

/**
 * Leaves left to right, visiting the first child (column 0) before the second: scipy's
 * `leaves_list` (a pre-order traversal, `_hierarchy.prelist`).
 */
export function leavesOrder(t: TreeColumns): number[] {
  const { n, a, b } = t;
  if (n === 0) return [];
  const order: number[] = [];
  const stack = new Int32Array(n + 1);
  let top = 0;
  stack[top++] = 2 * n - 2;
  while (top > 0) {
    const v = stack[--top];
    if (v < n) order.push(v);
    else {
      stack[top++] = b[v - n];
      stack[top++] = a[v - n];
    }
  }
  return order;
}

/** A dendrogram as hclust returns it (only `merges` is read back). */
export interface TreeLike {
  readonly merges: ArrayLike<ArrayLike<number>>;
  readonly order?: ArrayLike<number>;
}

/**
 * Validates a tree passed back by a caller: `n − 1` merges, every id an integer that
 * names a leaf or an earlier merge and is used once, finite heights. Throws
 * `INVALID_ARGUMENT` naming the first bad merge. O(n).
 */
export function checkTree(tree: TreeLike, name = 'tree'): TreeColumns {
  if (tree == null || typeof tree !== 'object' || tree.merges == null || typeof tree.merges.length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: expected { merges, order } from hclust`);
  }
  const count = tree.merges.length;
  const n = count + 1;
  if (count === 0) {
    const len = tree.order?.length ?? 1;
    if (len > 1) throw new ClasslensError('INVALID_ARGUMENT', `${name}: ${len} leaves but no merges`);
    return { n: len, a: new Int32Array(0), b: new Int32Array(0), h: new Float64Array(0) };
  }
  if (tree.order != null && tree.order.length !== n) {
    throw new ClasslensError(
      'LENGTH_MISMATCH',
      `${name}: order has length ${tree.order.length} but merges has ${count} rows (expected ${n} leaves)`,
    );
  }
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const h = new Float64Array(count);
  const used = new Uint8Array(2 * n - 1);
  for (let k = 0; k < count; k++) {
    const row = tree.merges[k];
    const x = row?.[0];
    const y = row?.[1];
    const z = row?.[2];
    for (const v of [x, y]) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= n + k || used[v]) {
        throw new ClasslensError(
          'INVALID_ARGUMENT',
          `${name}: merge ${k} has an invalid cluster id ${describeValue(v)}`,
          {
            index: k,
          },
        );
      }
      used[v] = 1;
    }
    if (x === y)
      throw new ClasslensError('INVALID_ARGUMENT', `${name}: merge ${k} joins cluster ${x} with itself`, { index: k });
    if (typeof z !== 'number' || !Number.isFinite(z))
      throw badNumber(name, z, `as the height of merge ${k}`, { index: k });
    a[k] = x as number;
    b[k] = y as number;
    h[k] = z;
  }
  return { n, a, b, h };
}
