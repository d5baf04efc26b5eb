// Optimal leaf ordering (Bar-Joseph, Gifford & Jaakkola 2001, "Fast optimal leaf ordering
// for hierarchical clustering", Bioinformatics 17 Suppl 1, S22). The cost table M is built
// as scipy.cluster.hierarchy.optimal_leaf_ordering builds it (scipy/cluster/
// _optimal_leaf_ordering.pyx): float32 costs, the same pruning and scan order, the same
// quicksort for equal costs. Reading the order back out of M is done two ways: the
// paper's backtracking (truly optimal), or scipy's per-node swap flags, which are not
// always optimal (scipy issue #11227) but give scipy's exact output.
import { rowStarts } from './distances.js';
import type { Steps } from './run.js';
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

/**
 * Returns `t` with the children of some merges swapped so that the leaf order minimises
 * the sum of distances between neighbouring leaves. `dist(i, j)` (i < j, original ids)
 * reads the distances. Time O(n³) in the worst case (the paper's bound with its pruning;
 * typically far less), memory one condensed float64 matrix of the distances in leaf
 * order plus one condensed float32 cost matrix. With `scipy`, the order is read out the
 * way scipy does instead (its exact output, not always optimal).
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
  for (let p = 0; p < n; p++) {
    const lp = leaves[p];
    const o = rs[p];
    for (let q = p + 1; q < n; q++) {
      const lq = leaves[q];
      SD[o + q] = lp < lq ? dist(lp, lq) : dist(lq, lp);
    }
  }
  // M[u, w]: the cost of the best order of the cluster joining u and w with u and w at
  // its ends (float32, symmetric, stored condensed; M[u, u] = 0).
  const M = new Float32Array(total);
  const mget = (p: number, q: number): number => (p === q ? 0 : p < q ? M[rs[p] + q] : M[rs[q] + p]);
  const mustSwap = new Uint8Array(count);
  const mVals = new Float32Array(n);
  const mIdx = new Int32Array(n);
  let kVals = new Float32Array(n);
  let kIdx = new Int32Array(n);
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
    const width = rHi - rLo;
    const flags = scipy ? new Uint8Array((lHi - lLo) * width) : null;
    for (let swapL = 0; swapL < nu; swapL++) {
      for (let swapR = 0; swapR < nw; swapR++) {
        const uMin = lo[U[swapL]];
        const uMax = hi[U[swapL]];
        const mMin = lo[Mc[swapL]];
        const mMax = hi[Mc[swapL]];
        const wMin = lo[W[swapR]];
        const wMax = hi[W[swapR]];
        const kMin = lo[K[swapR]];
        const kMax = hi[K[swapR]];
        const mSize = mMax - mMin;
        const kSize = kMax - kMin;
        // C({m}, {k}) of the paper: the smallest distance across the join (a bound).
        let minKm = Infinity;
        for (let m = mMin; m < mMax; m++) {
          const o = rs[m];
          for (let k = kMin; k < kMax; k++) {
            const d = SD[o + k];
            if (d < minKm) minKm = f32(d);
          }
        }
        // scipy sorts M[{k}, w] again for every (u, w); the result depends on w only,
        // so sort once per w (identical order, |u| times less work).
        const wSize = wMax - wMin;
        if (kVals.length < wSize * kSize) {
          kVals = new Float32Array(wSize * kSize);
          kIdx = new Int32Array(wSize * kSize);
        }
        for (let w = wMin; w < wMax; w++) {
          const o = (w - wMin) * kSize;
          for (let k = 0; k < kSize; k++) {
            kVals[o + k] = mget(kMin + k, w);
            kIdx[o + k] = kMin + k;
          }
          simultaneousSort(kVals, kIdx, o, kSize);
        }
        for (let u = uMin; u < uMax; u++) {
          for (let m = 0; m < mSize; m++) {
            mVals[m] = mget(mMin + m, u);
            mIdx[m] = mMin + m;
          }
          simultaneousSort(mVals, mIdx, 0, mSize);
          for (let w = wMin; w < wMax; w++) {
            const o = (w - wMin) * kSize;
            const first = mget(w, kIdx[o]);
            let cur = Infinity;
            for (let mi = 0; mi < mSize; mi++) {
              const m = mIdx[mi];
              const um = mget(u, m);
              if (f32(f32(um + first) + minKm) >= cur) break;
              const sdo = rs[m];
              for (let ki = 0; ki < kSize; ki++) {
                const k = kIdx[o + ki];
                const s = f32(um + mget(w, k));
                if (f32(s + minKm) >= cur) break;
                const c = f32(s + SD[sdo + k]);
                if (c < cur) cur = c;
              }
            }
            M[rs[u] + w] = cur;
            if (flags) flags[(u - lLo) * width + (w - rLo)] = swapL | (swapR << 1);
          }
          pairsDone += wMax - wMin;
          if (performance.now() > deadline()) yield pairsDone / total;
        }
      }
    }
    // This node's best ends (u, w), scanned u-major with a strict <, decide whether
    // each child's own children are swapped.
    let best = Infinity;
    let bu = lLo;
    let bw = rLo;
    for (let u = lLo; u < lHi; u++) {
      const o = rs[u];
      for (let w = rLo; w < rHi; w++) {
        if (M[o + w] < best) {
          best = M[o + w];
          bu = u;
          bw = w;
        }
      }
    }
    if (flags) {
      const f = flags[(bu - lLo) * width + (bw - rLo)];
      if (vl >= n) mustSwap[vl - n] = f & 1;
      if (vr >= n) mustSwap[vr - n] = f >> 1;
    }
    rootU = bu;
    rootW = bw;
  }
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  if (scipy) {
    // scipy's reading of the table: each child is swapped by the flag of its parent's
    // own best (u, w), and a swap rotates the whole subtree (parity over ancestors).
    // It ignores that the parent may need other ends, so it is not always optimal
    // (scipy issue #11227); kept for bit-compatibility.
    const parent = new Int32Array(count).fill(-1);
    for (let k = 0; k < count; k++) {
      if (t.a[k] >= n) parent[t.a[k] - n] = k;
      if (t.b[k] >= n) parent[t.b[k] - n] = k;
    }
    const parity = new Uint8Array(count);
    for (let k = count - 1; k >= 0; k--) {
      parity[k] = mustSwap[k] ^ (parent[k] >= 0 ? parity[parent[k]] : 0);
      a[k] = parity[k] ? t.b[k] : t.a[k];
      b[k] = parity[k] ? t.a[k] : t.b[k];
    }
    return { n, a, b, h: t.h.slice() };
  }
  // The paper's backtracking: from the root's best ends (u, w), each node is laid out
  // with the child holding its left end first, and the pair (m, k) that realises
  // M[left, right] = M[left, m] + M[k, right] + D[m, k] gives the children's ends.
  // Recomputing (m, k) for the one chosen pair per node costs O(n²) in all.
  const swapped = new Uint8Array(count);
  const inner = (c: number, end: number): number => {
    // The child of cluster c that does not contain `end` (c itself for a leaf).
    if (c < n) return c;
    const x = sl[c - n];
    return end >= lo[x] && end < hi[x] ? sr[c - n] : x;
  };
  const stack: number[] = [n + count - 1, rootU, rootW];
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
      const um = mget(left, m);
      for (let q = lo[kc]; q < hi[kc]; q++) {
        const c = f32(f32(um + mget(right, q)) + (m < q ? SD[rs[m] + q] : SD[rs[q] + m]));
        if (c < best) {
          best = c;
          bm = m;
          bk = q;
        }
      }
    }
    stack.push(first, left, bm, second, bk, right);
  }
  for (let k = 0; k < count; k++) {
    a[k] = swapped[k] ? t.b[k] : t.a[k];
    b[k] = swapped[k] ? t.a[k] : t.b[k];
  }
  return { n, a, b, h: t.h.slice() };
}
