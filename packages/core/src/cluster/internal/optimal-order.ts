// Optimal leaf ordering (Bar-Joseph, Gifford & Jaakkola 2001, "Fast optimal leaf ordering
// for hierarchical clustering", Bioinformatics 17 Suppl 1, S22). The cost table M is built
// as scipy.cluster.hierarchy.optimal_leaf_ordering builds it (scipy/cluster/
// _optimal_leaf_ordering.pyx): float32 costs, the same pruning and scan order, the same
// quicksort for equal costs. Reading the order back out of M is done two ways: the
// paper's backtracking (truly optimal), or scipy's per-node swap flags, which are not
// always optimal (scipy issue #11227) but give scipy's exact output.
import { rowStarts } from './distances.js';
import type { Steps } from '../../common/internal/steps.js';
import type { TreeColumns } from './tree.js';
import { leavesOrder } from './tree.js';

const f32 = Math.fround;

function swap(vals: Float32Array, idx: Int32Array, i: number, j: number): void {
  const v = vals[i];
  vals[i] = vals[j];
  vals[j] = v;
  const t = idx[i];
  idx[i] = idx[j];
  idx[j] = t;
}

/**
 * Sorts `vals[o..o+size)` ascending, permuting `idx` alongside: median-of-three
 * quicksort as scikit-learn's `_simultaneous_sort` (used by scipy here), kept identical
 * so that equal costs end up in the same order as in scipy.
 */
function simultaneousSort(vals: Float32Array, idx: Int32Array, o: number, size: number): void {
  if (size <= 1) return;
  if (size === 2) {
    if (vals[o] > vals[o + 1]) swap(vals, idx, o, o + 1);
    return;
  }
  if (size === 3) {
    if (vals[o] > vals[o + 1]) swap(vals, idx, o, o + 1);
    if (vals[o + 1] > vals[o + 2]) {
      swap(vals, idx, o + 1, o + 2);
      if (vals[o] > vals[o + 1]) swap(vals, idx, o, o + 1);
    }
    return;
  }
  let pivot = size >> 1;
  const last = o + size - 1;
  if (vals[o] > vals[last]) swap(vals, idx, o, last);
  if (vals[last] > vals[o + pivot]) {
    swap(vals, idx, last, o + pivot);
    if (vals[o] > vals[last]) swap(vals, idx, o, last);
  }
  const pv = vals[last];
  let store = 0;
  for (let i = 0; i < size - 1; i++) {
    if (vals[o + i] < pv) {
      swap(vals, idx, o + i, o + store);
      store++;
    }
  }
  swap(vals, idx, o + store, last);
  pivot = store;
  if (pivot > 1) simultaneousSort(vals, idx, o, pivot);
  if (pivot + 2 < size) simultaneousSort(vals, idx, o + pivot + 1, size - pivot - 1);
}

/** The tables shared by every step (leaves renamed by position, so clusters are ranges). */
interface Ctx {
  readonly n: number;
  readonly sl: Int32Array;
  readonly sr: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly rs: Int32Array;
  /** Distances in leaf order, condensed. */
  readonly SD: Float64Array;
  /** M[u·n + w]: cost of the best order of the cluster joining u and w with ends u and w. */
  readonly M: Float32Array;
  readonly mVals: Float32Array;
  readonly mIdx: Int32Array;
  kVals: Float32Array;
  kIdx: Int32Array;
}

// Hot loops live in plain functions: V8 cannot switch a running generator to optimised
// code, so the generator below only sequences them.

function fillSortedDistances(
  SD: Float64Array,
  rs: Int32Array,
  leaves: number[],
  dist: (i: number, j: number) => number,
  p0: number,
  p1: number,
): void {
  const n = leaves.length;
  for (let p = p0; p < p1; p++) {
    const lp = leaves[p];
    const o = rs[p];
    for (let q = p + 1; q < n; q++) {
      const lq = leaves[q];
      SD[o + q] = lp < lq ? dist(lp, lq) : dist(lq, lp);
    }
  }
}

/** C({m}, {k}) of the paper: the smallest distance across the join, kept in float32. */
function minAcross(c: Ctx, mMin: number, mMax: number, kMin: number, kMax: number): number {
  const { SD, rs } = c;
  let minKm = Infinity;
  for (let m = mMin; m < mMax; m++) {
    const o = rs[m];
    for (let k = kMin; k < kMax; k++) {
      const d = SD[o + k];
      if (d < minKm) minKm = f32(d);
    }
  }
  return minKm;
}

/**
 * For every w, the k's sorted by M[k, w]. scipy sorts again for every (u, w); the order
 * depends on w only, so sorting once per w gives the identical order |u| times cheaper.
 */
function sortKs(c: Ctx, wMin: number, w0: number, w1: number, kMin: number, kSize: number): void {
  const { M, n, kVals, kIdx } = c;
  for (let w = w0; w < w1; w++) {
    const o = (w - wMin) * kSize;
    for (let k = 0; k < kSize; k++) {
      kVals[o + k] = M[(kMin + k) * n + w];
      kIdx[o + k] = kMin + k;
    }
    simultaneousSort(kVals, kIdx, o, kSize);
  }
}

/**
 * M[u, w] for one u and every w: min over m, k of M[u, m] + M[w, k] + D[m, k], scanning
 * m and k by increasing M with scipy's float32 bounds to stop early.
 */
function fillRow(
  c: Ctx,
  u: number,
  mMin: number,
  mSize: number,
  wMin: number,
  wMax: number,
  kSize: number,
  minKm: number,
): void {
  const { M, n, SD, rs, mVals, mIdx, kIdx } = c;
  for (let m = 0; m < mSize; m++) {
    mVals[m] = M[(mMin + m) * n + u];
    mIdx[m] = mMin + m;
  }
  simultaneousSort(mVals, mIdx, 0, mSize);
  const Mu = u * n;
  for (let w = wMin; w < wMax; w++) {
    const o = (w - wMin) * kSize;
    const Mw = w * n;
    const first = M[Mw + kIdx[o]];
    let cur = Infinity;
    for (let mi = 0; mi < mSize; mi++) {
      const m = mIdx[mi];
      const um = M[Mu + m];
      if (f32(f32(um + first) + minKm) >= cur) break;
      const sdo = rs[m];
      for (let ki = 0; ki < kSize; ki++) {
        const k = kIdx[o + ki];
        const s = f32(um + M[Mw + k]);
        if (f32(s + minKm) >= cur) break;
        const v = f32(s + SD[sdo + k]);
        if (v < cur) cur = v;
      }
    }
    M[Mu + w] = cur;
    M[Mw + u] = cur;
  }
}

/** This node's best ends (u, w), scanned u-major with a strict <, as scipy. */
function bestEnds(c: Ctx, lLo: number, lHi: number, rLo: number, rHi: number): [number, number] {
  const { M, n } = c;
  let best = Infinity;
  let bu = lLo;
  let bw = rLo;
  for (let u = lLo; u < lHi; u++) {
    const o = u * n;
    for (let w = rLo; w < rHi; w++) {
      if (M[o + w] < best) {
        best = M[o + w];
        bu = u;
        bw = w;
      }
    }
  }
  return [bu, bw];
}

/**
 * The paper's backtracking: from the root's best ends, each node is laid out with the
 * child holding its left end first, and the pair (m, k) realising
 * M[left, right] = M[left, m] + M[k, right] + D[m, k] gives the children's ends.
 * Recomputing (m, k) for the one chosen pair per node costs O(n²) in all. Runs until
 * `deadline()` has passed; `stack` holds the pending (node, left end, right end) triples.
 */
function backtrack(c: Ctx, stack: number[], swapped: Uint8Array, deadline: () => number): void {
  const { n, sl, sr, lo, hi, M, SD, rs } = c;
  const inner = (v: number, end: number): number => {
    // The child of cluster v that does not contain `end` (v itself for a leaf).
    if (v < n) return v;
    const x = sl[v - n];
    return end >= lo[x] && end < hi[x] ? sr[v - n] : x;
  };
  while (stack.length > 0) {
    const right = stack.pop() as number;
    const left = stack.pop() as number;
    const v = stack.pop() as number;
    if (v < n) continue;
    const k = v - n;
    const inFirst = left >= lo[sl[k]] && left < hi[sl[k]];
    const first = inFirst ? sl[k] : sr[k];
    const second = inFirst ? sr[k] : sl[k];
    swapped[k] = inFirst ? 0 : 1;
    const mc = inner(first, left);
    const kc = inner(second, right);
    let best = Infinity;
    let bm = lo[mc];
    let bk = lo[kc];
    for (let m = lo[mc]; m < hi[mc]; m++) {
      const um = M[left * n + m];
      for (let q = lo[kc]; q < hi[kc]; q++) {
        const v2 = f32(f32(um + M[right * n + q]) + (m < q ? SD[rs[m] + q] : SD[rs[q] + m]));
        if (v2 < best) {
          best = v2;
          bm = m;
          bk = q;
        }
      }
    }
    stack.push(first, left, bm, second, bk, right);
    if (performance.now() > deadline()) return;
  }
}

/**
 * scipy's reading of the table: each child is swapped by the flag of its parent's own
 * best (u, w), and a swap rotates the whole subtree (parity over ancestors-or-self). It
 * ignores that the parent may need other ends, so it is not always optimal (scipy issue
 * #11227); kept for bit-compatibility.
 */
function scipyRotations(t: TreeColumns, mustSwap: Uint8Array): Uint8Array {
  const n = t.n;
  const count = n - 1;
  const parent = new Int32Array(count).fill(-1);
  for (let k = 0; k < count; k++) {
    if (t.a[k] >= n) parent[t.a[k] - n] = k;
    if (t.b[k] >= n) parent[t.b[k] - n] = k;
  }
  const parity = new Uint8Array(count);
  for (let k = count - 1; k >= 0; k--) parity[k] = mustSwap[k] ^ (parent[k] >= 0 ? parity[parent[k]] : 0);
  return parity;
}

/**
 * Returns `t` with the children of some merges swapped so that the leaf order minimises
 * the sum of distances between neighbouring leaves. `dist(i, j)` (i < j, original ids)
 * reads the distances. Time O(n³) in the worst case (the paper's bound with its pruning;
 * typically far less), memory one condensed float64 matrix of the distances in leaf
 * order plus one n × n float32 cost matrix (as much again). With `scipy`, the order is
 * read out the way scipy does instead (its exact output, not always optimal).
 */
export function* optimalOrder(
  t: TreeColumns,
  dist: (i: number, j: number) => number,
  deadline: () => number,
  scipy = false,
): Steps<TreeColumns> {
  const n = t.n;
  if (n < 3) return { n, a: t.a.slice(), b: t.b.slice(), h: t.h.slice() };
  const leaves = leavesOrder(t);
  const pos = new Int32Array(n);
  for (let p = 0; p < n; p++) pos[leaves[p]] = p;
  const count = n - 1;
  // The tree with leaves renamed by their position in the current order: every cluster
  // is then a contiguous range [lo, hi) of positions.
  const sl = new Int32Array(count);
  const sr = new Int32Array(count);
  const lo = new Int32Array(2 * n - 1);
  const hi = new Int32Array(2 * n - 1);
  for (let p = 0; p < n; p++) {
    lo[p] = p;
    hi[p] = p + 1;
  }
  for (let k = 0; k < count; k++) {
    sl[k] = t.a[k] < n ? pos[t.a[k]] : t.a[k];
    sr[k] = t.b[k] < n ? pos[t.b[k]] : t.b[k];
    lo[n + k] = lo[sl[k]];
    hi[n + k] = hi[sr[k]];
  }
  const rs = rowStarts(n);
  const total = (n * (n - 1)) / 2;
  const SD = new Float64Array(total);
  for (let p = 0; p < n; p += 32) {
    fillSortedDistances(SD, rs, leaves, dist, p, Math.min(n, p + 32));
    if (performance.now() > deadline()) yield 0;
  }
  const c: Ctx = {
    n,
    sl,
    sr,
    lo,
    hi,
    rs,
    SD,
    M: new Float32Array(n * n),
    mVals: new Float32Array(n),
    mIdx: new Int32Array(n),
    kVals: new Float32Array(n),
    kIdx: new Int32Array(n),
  };
  // scipy's per-node child flags (see scipyRotations).
  const mustSwap = new Uint8Array(count);
  const U = [0, 0];
  const Mc = [0, 0];
  const W = [0, 0];
  const K = [0, 0];
  let pairsDone = 0;
  let rootU = 0;
  let rootW = 0;
  for (let i = 0; i < count; i++) {
    const vl = sl[i];
    const vr = sr[i];
    let nu = 1;
    let nw = 1;
    if (vl < n) {
      U[0] = vl;
      Mc[0] = vl;
    } else {
      nu = 2;
      U[0] = sl[vl - n];
      Mc[0] = sr[vl - n];
      U[1] = sr[vl - n];
      Mc[1] = sl[vl - n];
    }
    if (vr < n) {
      W[0] = vr;
      K[0] = vr;
    } else {
      nw = 2;
      W[0] = sr[vr - n];
      W[1] = sl[vr - n];
      K[0] = sl[vr - n];
      K[1] = sr[vr - n];
    }
    const lLo = lo[vl];
    const lHi = hi[vl];
    const rLo = lo[vr];
    const rHi = hi[vr];
    for (let swapL = 0; swapL < nu; swapL++) {
      for (let swapR = 0; swapR < nw; swapR++) {
        const uMin = lo[U[swapL]];
        const uMax = hi[U[swapL]];
        const mMin = lo[Mc[swapL]];
        const mSize = hi[Mc[swapL]] - mMin;
        const wMin = lo[W[swapR]];
        const wMax = hi[W[swapR]];
        const kMin = lo[K[swapR]];
        const kSize = hi[K[swapR]] - kMin;
        const minKm = minAcross(c, mMin, mMin + mSize, kMin, kMin + kSize);
        const need = (wMax - wMin) * kSize;
        if (c.kVals.length < need) {
          c.kVals = new Float32Array(need);
          c.kIdx = new Int32Array(need);
        }
        for (let w = wMin; w < wMax; w += 16) {
          sortKs(c, wMin, w, Math.min(wMax, w + 16), kMin, kSize);
          if (performance.now() > deadline()) yield pairsDone / total;
        }
        for (let u = uMin; u < uMax; u++) {
          fillRow(c, u, mMin, mSize, wMin, wMax, kSize, minKm);
          pairsDone += wMax - wMin;
          if (performance.now() > deadline()) yield pairsDone / total;
        }
      }
    }
    const [bu, bw] = bestEnds(c, lLo, lHi, rLo, rHi);
    if (scipy) {
      // Whether the best u lies in the left child's second child, and the best w in the
      // right child's first child: scipy's swap_status for (best_u, best_w).
      if (vl >= n) mustSwap[vl - n] = nu === 2 && bu >= lo[U[1]] && bu < hi[U[1]] ? 1 : 0;
      if (vr >= n) mustSwap[vr - n] = nw === 2 && bw >= lo[W[1]] && bw < hi[W[1]] ? 1 : 0;
    }
    rootU = bu;
    rootW = bw;
  }
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  let swap: Uint8Array;
  if (scipy) swap = scipyRotations(t, mustSwap);
  else {
    swap = new Uint8Array(count);
    const stack: number[] = [n + count - 1, rootU, rootW];
    for (;;) {
      backtrack(c, stack, swap, deadline);
      if (stack.length === 0) break;
      yield 1;
    }
  }
  for (let k = 0; k < count; k++) {
    a[k] = swap[k] ? t.b[k] : t.a[k];
    b[k] = swap[k] ? t.a[k] : t.b[k];
  }
  return { n, a, b, h: t.h.slice() };
}
