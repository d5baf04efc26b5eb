import type { RandomSource as Rng } from '../../common/random.js';

/**
 * A vantage-point tree over the rows of a dense matrix, for exact k-nearest-neighbour
 * queries in Euclidean distance (Yianilos 1993, "Data structures and algorithms for
 * nearest neighbor search in general metric spaces", SODA; used for t-SNE's input
 * affinities by van der Maaten 2014, §4.1).
 *
 * Each node picks a random vantage point (seeded), splits the rest of its points at
 * the median distance to it into an inner ball and an outer shell, and the search
 * prunes a side with the triangle inequality. The points are copied in tree order so
 * that every subtree, and every leaf bucket scanned linearly, is contiguous in memory.
 * Build O(n log n · d), memory O(n · d); a query costs O(log n · d) on data of low
 * intrinsic dimension and degrades towards O(n · d) on uniform high-dimensional data.
 * @internal
 */
export class VpTree {
  readonly n: number;
  readonly dim: number;
  /** Row indices in tree order. */
  readonly order: Int32Array;
  /** The rows in tree order (row `order[p]` of the input is at position p). */
  private readonly pts: Float64Array;
  // Nodes: a leaf covers positions [lo, hi); an inner node's vantage point sits at `lo`,
  // its inner ball at [lo + 1, mid) and its outer shell at [mid, hi).
  private readonly nLo: Int32Array;
  private readonly nHi: Int32Array;
  private readonly nMid: Int32Array;
  private readonly nInner: Int32Array;
  private readonly nOuter: Int32Array;
  private readonly nThr: Float64Array;
  private nNodes = 0;
  // Query state (a max-heap of the best k so far, by squared distance).
  private heapD = new Float64Array(0);
  private heapI = new Int32Array(0);
  private heapSize = 0;
  private heapCap = 0;
  private self = -1;
  private readonly q: Float64Array;

  /** Leaf bucket size: scanning a few points beats descending further. */
  static readonly BUCKET = 16;

  constructor(data: ArrayLike<number>, n: number, dim: number, rng: Rng) {
    this.n = n;
    this.dim = dim;
    this.order = new Int32Array(n);
    for (let i = 0; i < n; i++) this.order[i] = i;
    const cap = Math.max(1, 2 * Math.ceil(n / 2) + 1);
    this.nLo = new Int32Array(cap);
    this.nHi = new Int32Array(cap);
    this.nMid = new Int32Array(cap);
    this.nInner = new Int32Array(cap);
    this.nOuter = new Int32Array(cap);
    this.nThr = new Float64Array(cap);
    this.q = new Float64Array(dim);
    const dist = new Float64Array(n);
    if (n > 0) this.build(data, 0, n, dist, rng);
    this.pts = new Float64Array(n * dim);
    for (let p = 0; p < n; p++) {
      const src = this.order[p] * dim;
      for (let t = 0; t < dim; t++) this.pts[p * dim + t] = data[src + t];
    }
  }

  private build(data: ArrayLike<number>, lo: number, hi: number, dist: Float64Array, rng: Rng): number {
    const node = this.nNodes++;
    this.nLo[node] = lo;
    this.nHi[node] = hi;
    if (hi - lo <= VpTree.BUCKET) {
      this.nInner[node] = -1;
      this.nOuter[node] = -1;
      return node;
    }
    const order = this.order;
    const dim = this.dim;
    const pick = lo + rng.int(hi - lo);
    const t = order[lo];
    order[lo] = order[pick];
    order[pick] = t;
    const vp = order[lo] * dim;
    for (let p = lo + 1; p < hi; p++) {
      const r = order[p] * dim;
      let s = 0;
      for (let c = 0; c < dim; c++) {
        const d = data[vp + c] - data[r + c];
        s += d * d;
      }
      dist[p] = Math.sqrt(s);
    }
    const mid = (lo + 1 + hi) >>> 1;
    select(order, dist, lo + 1, hi - 1, mid);
    this.nMid[node] = mid;
    this.nThr[node] = dist[mid];
    const inner = this.build(data, lo + 1, mid, dist, rng);
    const outer = this.build(data, mid, hi, dist, rng);
    this.nInner[node] = inner;
    this.nOuter[node] = outer;
    return node;
  }

  /**
   * The k nearest rows to the row at tree position `p` (itself excluded; exact
   * duplicates are included at distance 0). Writes row indices and *squared*
   * distances, nearest first, into `outIdx`/`outD2` at `offset`. Ties in distance are
   * broken by the smaller row index, so the result does not depend on the tree.
   */
  queryPosition(p: number, k: number, outIdx: Int32Array, outD2: Float64Array, offset: number): void {
    if (this.heapCap < k) {
      this.heapD = new Float64Array(k);
      this.heapI = new Int32Array(k);
      this.heapCap = k;
    }
    this.heapSize = 0;
    this.self = p;
    const dim = this.dim;
    for (let c = 0; c < dim; c++) this.q[c] = this.pts[p * dim + c];
    if (k > 0 && this.n > 0) this.search(0, k);
    // Pop the max-heap from the back: nearest first.
    const hd = this.heapD;
    const hi = this.heapI;
    for (let m = this.heapSize - 1; m >= 0; m--) {
      outIdx[offset + m] = hi[0];
      outD2[offset + m] = hd[0];
      this.heapPop();
    }
  }

  private dist2(p: number, bound: number): number {
    // Squared distance from the query to position p, abandoned once it exceeds `bound`.
    const dim = this.dim;
    const pts = this.pts;
    const q = this.q;
    const o = p * dim;
    let s = 0;
    let c = 0;
    for (; c + 4 <= dim; c += 4) {
      const a = q[c] - pts[o + c];
      const b = q[c + 1] - pts[o + c + 1];
      const d = q[c + 2] - pts[o + c + 2];
      const e = q[c + 3] - pts[o + c + 3];
      s += a * a + b * b + d * d + e * e;
      if (s > bound) return s;
    }
    for (; c < dim; c++) {
      const a = q[c] - pts[o + c];
      s += a * a;
    }
    return s;
  }

  private tau2(k: number): number {
    return this.heapSize < k ? Infinity : this.heapD[0];
  }

  private consider(p: number, d2: number, k: number): void {
    if (p === this.self) return;
    const idx = this.order[p];
    if (this.heapSize < k) {
      this.heapPush(d2, idx);
    } else if (d2 < this.heapD[0] || (d2 === this.heapD[0] && idx < this.heapI[0])) {
      this.heapPop();
      this.heapPush(d2, idx);
    }
  }

  private search(node: number, k: number): void {
    const lo = this.nLo[node];
    const hi = this.nHi[node];
    const inner = this.nInner[node];
    if (inner < 0) {
      for (let p = lo; p < hi; p++) {
        const d2 = this.dist2(p, this.tau2(k));
        if (d2 <= this.tau2(k)) this.consider(p, d2, k);
      }
      return;
    }
    const s = this.dist2(lo, Infinity);
    this.consider(lo, s, k);
    const d = Math.sqrt(s);
    const thr = this.nThr[node];
    const outer = this.nOuter[node];
    // Inner points lie within thr of the vantage point, outer ones at thr or beyond; a
    // side can hold a point within tau of the query only if |d − thr| ≤ tau. The
    // comparisons use ≤ so that ties at distance tau are still visited.
    if (d < thr) {
      if (d - thr <= this.tau(k)) this.search(inner, k);
      if (thr - d <= this.tau(k)) this.search(outer, k);
    } else {
      if (thr - d <= this.tau(k)) this.search(outer, k);
      if (d - thr <= this.tau(k)) this.search(inner, k);
    }
  }

  /** The current k-th distance, widened by a relative 1e-9 so rounding in the square roots never prunes a true neighbour. */
  private tau(k: number): number {
    return Math.sqrt(this.tau2(k)) * (1 + 1e-9);
  }

  // Max-heap by (distance, index).
  private heapPush(d: number, i: number): void {
    const hd = this.heapD;
    const hi = this.heapI;
    let c = this.heapSize++;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (hd[parent] > d || (hd[parent] === d && hi[parent] > i)) break;
      hd[c] = hd[parent];
      hi[c] = hi[parent];
      c = parent;
    }
    hd[c] = d;
    hi[c] = i;
  }

  private heapPop(): void {
    const hd = this.heapD;
    const hi = this.heapI;
    const size = --this.heapSize;
    if (size === 0) return;
    const d = hd[size];
    const i = hi[size];
    let c = 0;
    for (;;) {
      let m = 2 * c + 1;
      if (m >= size) break;
      const r = m + 1;
      if (r < size && (hd[r] > hd[m] || (hd[r] === hd[m] && hi[r] > hi[m]))) m = r;
      if (hd[m] < d || (hd[m] === d && hi[m] < i)) break;
      hd[c] = hd[m];
      hi[c] = hi[m];
      c = m;
    }
    hd[c] = d;
    hi[c] = i;
  }
}

/**
 * Quickselect with a three-way partition (so runs of equal distances, e.g. duplicate
 * rows, stay linear): puts the k-th smallest `dist` in [left, right] at k, smaller ones
 * before it and larger-or-equal ones after.
 */
function select(order: Int32Array, dist: Float64Array, left: number, right: number, k: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    const a = dist[left];
    const b = dist[mid];
    const c = dist[right];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Dijkstra's Dutch flag: [left, lt) < pivot, [lt, i) = pivot, (gt, right] > pivot.
    let lt = left;
    let gt = right;
    let i = left;
    while (i <= gt) {
      const v = dist[i];
      if (v < pivot) swap(order, dist, lt++, i++);
      else if (v > pivot) swap(order, dist, i, gt--);
      else i++;
    }
    if (k < lt) right = lt - 1;
    else if (k > gt) left = gt + 1;
    else return;
  }
}

function swap(order: Int32Array, dist: Float64Array, a: number, b: number): void {
  const t = order[a];
  order[a] = order[b];
  order[b] = t;
  const u = dist[a];
  dist[a] = dist[b];
  dist[b] = u;
}
