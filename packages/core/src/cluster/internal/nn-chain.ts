// The two O(n²)-time, O(n)-extra-memory linkage engines on a condensed matrix, written
// to reproduce scipy.cluster.hierarchy.linkage (scipy/cluster/_hierarchy.pyx) merge for
// merge, including its tie-breaking, so that heights and labels agree with it.
import { rowStarts } from './distances.js';
import type { Steps } from '../../common/internal/steps.js';

/** Merges in the order an engine found them, before sorting and relabelling. */
export interface RawLinkage {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly h: Float64Array;
}

export const COMPLETE = 1;
export const AVERAGE = 2;
export const WARD = 3;

/** Removes `v` from the sorted prefix `list[0..m)`; returns the new length. */
function removeSorted(list: Int32Array, m: number, v: number): number {
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  list.copyWithin(lo, lo + 1, m);
  return m - 1;
}

/** Everything the NN-chain loop carries from one slice to the next. */
interface ChainState {
  readonly D: Float64Array;
  readonly n: number;
  readonly method: number;
  readonly rs: Int32Array;
  readonly size: Int32Array;
  /** Active clusters, ascending: scanning only these skips the merged ones that scipy tests one by one. */
  readonly active: Int32Array;
  readonly chain: Int32Array;
  readonly out: RawLinkage;
  m: number;
  len: number;
  k: number;
}

// The loops live in plain functions, not in the generators below: V8 cannot switch a
// running generator to optimised code (no on-stack replacement), and a synchronous run
// enters the generator only once.

/** Runs merges until all are done or `deadline()` has passed. */
function chainMerges(s: ChainState, deadline: () => number): void {
  const { D, n, method, rs, size, active, chain } = s;
  const { a, b, h } = s.out;
  let { m, len, k } = s;
  for (; k < n - 1;) {
    if (len === 0) {
      chain[0] = active[0];
      len = 1;
    }
    let x = 0;
    let y = 0;
    let cur = Infinity;
    for (;;) {
      x = chain[len - 1];
      if (len > 1) {
        y = chain[len - 2];
        cur = x < y ? D[rs[x] + y] : D[rs[y] + x];
      } else cur = Infinity;
      let p = 0;
      for (; p < m; p++) {
        const i = active[p];
        if (i >= x) break;
        const d = D[rs[i] + x];
        if (d < cur) {
          cur = d;
          y = i;
        }
      }
      p++; // active[p] === x
      const rx = rs[x];
      for (; p < m; p++) {
        const i = active[p];
        const d = D[rx + i];
        if (d < cur) {
          cur = d;
          y = i;
        }
      }
      if (len > 1 && y === chain[len - 2]) break;
      chain[len++] = y;
    }
    len -= 2;
    if (x > y) {
      const t = x;
      x = y;
      y = t;
    }
    const nx = size[x];
    const ny = size[y];
    a[k] = x;
    b[k] = y;
    h[k] = cur;
    k++;
    size[x] = 0;
    size[y] = nx + ny;
    m = removeSorted(active, m, x);
    const rx = rs[x];
    const ry = rs[y];
    // Lance–Williams update of the merged cluster (kept at index y) against every other.
    if (method === COMPLETE) {
      for (let p = 0; p < m; p++) {
        const i = active[p];
        if (i === y) continue;
        const ix = i < x ? rs[i] + x : rx + i;
        const iy = i < y ? rs[i] + y : ry + i;
        const dx = D[ix];
        const dy = D[iy];
        D[iy] = dx > dy ? dx : dy;
      }
    } else if (method === AVERAGE) {
      const sxy = nx + ny;
      for (let p = 0; p < m; p++) {
        const i = active[p];
        if (i === y) continue;
        const ix = i < x ? rs[i] + x : rx + i;
        const iy = i < y ? rs[i] + y : ry + i;
        D[iy] = (nx * D[ix] + ny * D[iy]) / sxy;
      }
    } else {
      for (let p = 0; p < m; p++) {
        const i = active[p];
        if (i === y) continue;
        const ix = i < x ? rs[i] + x : rx + i;
        const iy = i < y ? rs[i] + y : ry + i;
        const ni = size[i];
        const t = 1.0 / (nx + ny + ni);
        const dx = D[ix];
        const dy = D[iy];
        D[iy] = Math.sqrt((ni + nx) * t * dx * dx + (ni + ny) * t * dy * dy - ni * t * cur * cur);
      }
    }
    if (performance.now() > deadline()) break;
  }
  s.m = m;
  s.len = len;
  s.k = k;
}

function newLinkage(n: number): RawLinkage {
  const count = Math.max(0, n - 1);
  return { a: new Int32Array(count), b: new Int32Array(count), h: new Float64Array(count) };
}

/**
 * Nearest-neighbour chain (Murtagh 1983; Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms", arXiv:1109.2378, Fig. 4) for the reducible
 * linkages complete, average and Ward, with the Lance–Williams updates written exactly
 * as scipy's `_hierarchy_distance_update.pxi`. Overwrites `D`. Clusters are scanned in
 * ascending index order with a strict `<`, and the previous chain element is preferred
 * on ties, as in scipy's `nn_chain`, so ties resolve the same way.
 */
export function* nnChain(D: Float64Array, n: number, method: number, deadline: () => number): Steps<RawLinkage> {
  const active = new Int32Array(n);
  for (let i = 0; i < n; i++) active[i] = i;
  const s: ChainState = {
    D,
    n,
    method,
    rs: rowStarts(n),
    size: new Int32Array(n).fill(1),
    active,
    chain: new Int32Array(n),
    out: newLinkage(n),
    m: n,
    len: 0,
    k: 0,
  };
  for (;;) {
    chainMerges(s, deadline);
    if (s.k >= n - 1) return s.out;
    yield 1 - (s.m / n) * (s.m / n);
  }
}

interface PrimState {
  readonly D: Float64Array;
  readonly n: number;
  readonly rs: Int32Array;
  readonly best: Float64Array;
  readonly open: Int32Array;
  readonly out: RawLinkage;
  m: number;
  x: number;
  y: number;
  k: number;
}

function primSteps(s: PrimState, deadline: () => number): void {
  const { D, n, rs, best, open } = s;
  const { a, b, h } = s.out;
  let { m, x, y, k } = s;
  for (; k < n - 1;) {
    let cur = Infinity;
    m = removeSorted(open, m, x);
    const rx = rs[x];
    let p = 0;
    // Points before x read column x (strided), points after it read row x (contiguous).
    for (; p < m; p++) {
      const i = open[p];
      if (i > x) break;
      const d = D[rs[i] + x];
      let bi = best[i];
      if (bi > d) best[i] = bi = d;
      if (bi < cur) {
        y = i;
        cur = bi;
      }
    }
    for (; p < m; p++) {
      const i = open[p];
      const d = D[rx + i];
      let bi = best[i];
      if (bi > d) best[i] = bi = d;
      if (bi < cur) {
        y = i;
        cur = bi;
      }
    }
    a[k] = x;
    b[k] = y;
    h[k] = cur;
    k++;
    x = y;
    if (performance.now() > deadline()) break;
  }
  s.m = m;
  s.x = x;
  s.y = y;
  s.k = k;
}

/**
 * Single linkage as Prim's minimum spanning tree on the complete graph (Gower & Ross
 * 1969: single-linkage merges are MST edges in increasing order), as scipy's
 * `mst_single_linkage`: O(n²) time, O(n) extra memory, `D` only read. The distance of
 * (i, j), i < j, is `D[rs[i] + j]`: `rs` from {@link rowStarts} for a condensed `D`, or
 * `rs[i] = i·n` to read the upper triangle of a square matrix in place.
 */
export function* mstSingle(D: Float64Array, n: number, rs: Int32Array, deadline: () => number): Steps<RawLinkage> {
  const open = new Int32Array(n);
  for (let i = 0; i < n; i++) open[i] = i;
  const s: PrimState = {
    D,
    n,
    rs,
    best: new Float64Array(n).fill(Infinity),
    open,
    out: newLinkage(n),
    m: n,
    x: 0,
    y: 0,
    k: 0,
  };
  for (;;) {
    primSteps(s, deadline);
    if (s.k >= n - 1) return s.out;
    yield 1 - (s.m / n) * (s.m / n);
  }
}
