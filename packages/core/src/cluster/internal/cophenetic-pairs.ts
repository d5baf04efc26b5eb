import type { TreeColumns } from './tree.js';
import { leavesOrder } from './tree.js';

/**
 * Cophenetic distances by row without touching memory at random: in the dendrogram's
 * leaf order, the lowest common ancestor of the leaves at positions p < q is the latest
 * merge among the "gap" merges between neighbouring positions p … q − 1 (an ancestor is
 * always merged after its descendants), so each query is a range-maximum query on the
 * gaps, answered in O(1) from a sparse table (Bender & Farach-Colton 2000) of
 * O(n log n) Int32 — small enough to stay in cache while rows are written in order.
 */
export class CopheneticRows {
  readonly n: number;
  private readonly pos: Int32Array;
  private readonly table: Int32Array;
  private readonly h: Float64Array;
  private readonly width: number;

  constructor(t: TreeColumns) {
    const n = t.n;
    this.n = n;
    this.h = t.h;
    const order = leavesOrder(t);
    const pos = new Int32Array(n);
    for (let p = 0; p < n; p++) pos[order[p]] = p;
    this.pos = pos;
    const width = Math.max(1, n - 1);
    this.width = width;
    // hi[v]: one past the last position of cluster v; merge k joins a's range and b's
    // range, which meet between positions hi[a] − 1 and hi[a].
    const hi = new Int32Array(Math.max(1, 2 * n - 1));
    for (let i = 0; i < n; i++) hi[i] = pos[i] + 1;
    const gap = new Int32Array(width);
    for (let k = 0; k < n - 1; k++) {
      gap[hi[t.a[k]] - 1] = k;
      hi[n + k] = hi[t.b[k]];
    }
    const levels = n > 1 ? 32 - Math.clz32(n - 1) : 1;
    const table = new Int32Array(levels * width);
    table.set(gap);
    for (let l = 1; l < levels; l++) {
      const half = 1 << (l - 1);
      const o = l * width;
      const prev = (l - 1) * width;
      for (let p = 0; p + (1 << l) <= n - 1; p++) {
        const a = table[prev + p];
        const b = table[prev + p + half];
        table[o + p] = a > b ? a : b;
      }
    }
    this.table = table;
  }

  /** Writes the cophenetic distance of (i, j) for j in [from, to) into `out[offset + j − from]`. */
  row(i: number, from: number, to: number, out: Float64Array, offset: number): void {
    const { pos, table, h, width } = this;
    const p = pos[i];
    for (let j = from; j < to; j++) {
      let lo = pos[j];
      let hi = p;
      if (lo > hi) {
        hi = lo;
        lo = p;
      }
      const len = hi - lo;
      if (len === 0) {
        out[offset + j - from] = 0;
        continue;
      }
      const l = 31 - Math.clz32(len);
      const a = table[l * width + lo];
      const b = table[l * width + hi - (1 << l)];
      out[offset + j - from] = h[a > b ? a : b];
    }
  }
}
