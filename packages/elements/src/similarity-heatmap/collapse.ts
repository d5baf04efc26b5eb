// Collapsed subtrees of the rows' dendrogram: which display rows the leaves become, the
// display matrix whose cells are the maxima of their blocks, and the dendrogram laid out
// along the display rows. Pure functions over typed arrays; the element only keeps the
// result (`CollapseView`) and draws it instead of the full matrix.
import type { HclustTree, Key, Matrix } from '@classlens/core';
import { primeStats, type HeatmapValues } from './input.js';
import type { Ordering } from './order.js';
import type { DendrogramLayout, Span } from './structure.js';

/** How the leaves (display positions of the full order) map onto the rows drawn. */
export interface DisplayRows {
  /** Number of rows drawn. */
  count: number;
  /** Row d covers leaf positions `start[d] … start[d + 1] − 1` (length `count + 1`). */
  start: Int32Array;
  /** The row drawn for each leaf position. */
  rowOf: Int32Array;
  /** The collapsed subtree (SciPy node id, n + k for merge k) drawn as row d, or −1 for a single leaf. */
  node: Int32Array;
}

/**
 * The subtrees that collapse: the valid node ids among `ids` (merges of a tree of `n`
 * leaves, `n ≤ id < 2n − 1`), outermost only (an id inside another collapsed subtree has
 * no effect until that one expands), in display order. `L` is the full dendrogram's layout.
 */
export function outermostNodes(n: number, L: Pick<DendrogramLayout, 'lo' | 'hi'>, ids: readonly number[]): number[] {
  const m = L.lo.length;
  const valid = [...new Set(ids)].filter((id) => Number.isInteger(id) && id >= n && id < n + m);
  valid.sort((a, b) => L.lo[a - n] - L.lo[b - n] || L.hi[b - n] - L.hi[a - n]);
  const out: number[] = [];
  let reach = -1;
  for (const id of valid) {
    if (L.lo[id - n] <= reach) continue; // nested in the previous one (subtrees nest or are disjoint)
    out.push(id);
    reach = L.hi[id - n];
  }
  return out;
}

/** Display rows of `n` leaves with the given outermost subtrees (from {@link outermostNodes}) each drawn as one row. */
export function displayRows(n: number, L: Pick<DendrogramLayout, 'lo' | 'hi'>, nodes: readonly number[]): DisplayRows {
  const rowOf = new Int32Array(n);
  const start: number[] = [];
  const node: number[] = [];
  let k = 0;
  for (let p = 0; p < n;) {
    const id = nodes[k];
    if (id !== undefined && L.lo[id - n] === p) {
      start.push(p);
      node.push(id);
      rowOf.fill(start.length - 1, p, L.hi[id - n] + 1);
      p = L.hi[id - n] + 1;
      k++;
    } else {
      start.push(p);
      node.push(-1);
      rowOf[p] = start.length - 1;
      p++;
    }
  }
  const count = start.length;
  start.push(n);
  return { count, start: Int32Array.from(start), rowOf, node: Int32Array.from(node) };
}

/** Every leaf its own row. */
export function identityRows(n: number): DisplayRows {
  const start = new Int32Array(n + 1);
  for (let p = 0; p <= n; p++) start[p] = p;
  const rowOf = start.slice(0, n);
  return { count: n, start, rowOf, node: new Int32Array(n).fill(-1) };
}

/**
 * The display matrix: cell (d, e) is the **maximum** of the block of input cells whose row
 * is in display row d and column in display column e — the element's visual-boosting rule
 * (each screen pixel shows the maximum of the cells it covers), so a collapsed band looks
 * as its block looked zoomed out. NaN is skipped (d3-array's rule); a cell is NaN only
 * when every cell of its block is. Row-major `R.count × C.count`, in display order.
 * O(rows · cols): the rows of a collapsed band are combined in sequence, then each display
 * row's columns are gathered from one row (in cache), typed arrays only.
 */
export function blockMaxima(
  data: Float32Array | Float64Array,
  cols: number,
  rowOrder: ArrayLike<number>,
  colOrder: ArrayLike<number>,
  R: DisplayRows,
  C: DisplayRows,
): Float64Array {
  const Dc = C.count;
  const cs = C.start;
  const co = Int32Array.from(colOrder);
  const out = new Float64Array(R.count * Dc);
  // Each display row's maxima per input column, in one Float64Array (a monomorphic gather
  // below): a collapsed band's rows combined in sequence (cache-friendly).
  const acc = new Float64Array(cols);
  for (let d = 0; d < R.count; d++) {
    const p0 = R.start[d];
    const p1 = R.start[d + 1];
    const b0 = rowOrder[p0] * cols;
    acc.set(data.subarray(b0, b0 + cols));
    for (let p = p0 + 1; p < p1; p++) {
      const b = rowOrder[p] * cols;
      for (let j = 0; j < cols; j++) {
        const x = data[b + j];
        const m = acc[j];
        if (x > m || m !== m) acc[j] = x;
      }
    }
    // Then the columns of the display, gathered within that one row.
    const o = d * Dc;
    for (let e = 0; e < Dc; e++) {
      let m = acc[co[cs[e]]];
      for (let q = cs[e] + 1, qe = cs[e + 1]; q < qe; q++) {
        const x = acc[co[q]];
        if (x > m || m !== m) m = x;
      }
      out[o + e] = m;
    }
  }
  return out;
}

/** A collapsed row's label: its first class in display order and how many more (`"felid +11"`); a single class keeps its key. */
export function bandLabel(labels: readonly Key[], order: ArrayLike<number>, R: DisplayRows, d: number): Key {
  const first = labels[order[R.start[d]]];
  const size = R.start[d + 1] - R.start[d];
  return size === 1 ? first : `${String(first)} +${size - 1}`;
}

/** Input indices of the classes drawn as display row d, in display order. */
export function rowClasses(order: ArrayLike<number>, R: DisplayRows, d: number): number[] {
  const out: number[] = [];
  for (let p = R.start[d]; p < R.start[d + 1]; p++) out.push(order[p]);
  return out;
}

/**
 * The full dendrogram's layout moved onto the display rows: merges keep their heights; a
 * collapsed subtree's merge sits on its row (`state` 2: drawn as a triangle, pickable),
 * the merges inside it are hidden (`state` 1), the others join their children's new
 * midpoints (`state` 0).
 */
export function collapseDendrogram(tree: HclustTree, L: DendrogramLayout, R: DisplayRows): DendrogramLayout {
  const n = tree.order.length;
  const m = tree.merges.length;
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  const mid = new Float64Array(m);
  const state = new Uint8Array(m);
  const pos = new Int32Array(n);
  for (let i = 0; i < n; i++) pos[i] = R.rowOf[L.pos[i]];
  const range = (id: number): [number, number, number] =>
    id < n ? [pos[id], pos[id], pos[id] + 0.5] : [lo[id - n], hi[id - n], mid[id - n]];
  tree.merges.forEach(([a, b], k) => {
    const d = R.rowOf[L.lo[k]];
    if (R.node[d] >= 0 && L.hi[k] < R.start[d + 1]) {
      state[k] = R.node[d] === n + k ? 2 : 1;
      lo[k] = hi[k] = d;
      mid[k] = d + 0.5;
      return;
    }
    const A = range(a);
    const B = range(b);
    lo[k] = Math.min(A[0], B[0]);
    hi[k] = Math.max(A[1], B[1]);
    mid[k] = (A[2] + B[2]) / 2;
  });
  return { lo, hi, height: L.height, mid, maxHeight: L.maxHeight, pos, state };
}

/** Spans of the full order moved onto the display rows (spans swallowed by a collapsed row's first span are dropped). */
export function mapSpans(spans: readonly Span[], R: DisplayRows): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const start = R.rowOf[s.start];
    const end = R.rowOf[s.end];
    const last = out[out.length - 1];
    if (last && start <= last.end) continue;
    out.push({ ...s, start, end });
  }
  return out;
}

/** Display positions of the full order moved onto display rows (each row once, ascending). */
export function mapPositions(positions: readonly number[], R: DisplayRows): number[] {
  return [...new Set(positions.map((p) => R.rowOf[p]))].sort((a, b) => a - b);
}

/** A mask over input classes (`highlight`) as a mask over display rows: a row is highlighted when any of its classes is. */
export function maskRows(mask: Uint8Array, order: ArrayLike<number>, R: DisplayRows): Uint8Array {
  const out = new Uint8Array(R.count);
  for (let d = 0; d < R.count; d++) {
    for (let p = R.start[d]; p < R.start[d + 1]; p++) {
      if (mask[order[p]]) {
        out[d] = 1;
        break;
      }
    }
  }
  return out;
}

/** Per-class rows of a matrix (input order, e.g. fuzzy memberships) as display rows: each the maximum over its classes. */
export function maxRows(m: Matrix, order: ArrayLike<number>, R: DisplayRows): Matrix {
  const k = m.cols;
  const out = new Float64Array(R.count * k);
  for (let d = 0; d < R.count; d++) {
    for (let g = 0; g < k; g++) {
      let x = -Infinity;
      for (let p = R.start[d]; p < R.start[d + 1]; p++) x = Math.max(x, m.data[order[p] * k + g]);
      out[d * k + g] = x;
    }
  }
  return { rows: R.count, cols: k, data: out };
}

/** What the element draws while subtrees are collapsed. */
export interface CollapseView {
  /** The subtrees drawn collapsed (outermost), in display order. */
  nodes: number[];
  rows: DisplayRows;
  /** The columns drawn: the same as `rows` for a square matrix; every column its own for a rectangular one (only its rows collapse). */
  cols: DisplayRows;
  /** The display matrix (block maxima, display order) with the full matrix's statistics, so colours match. */
  values: HeatmapValues;
  /** Identity order over the display rows; `rowTree` is the full tree. */
  ordering: Ordering;
  /** The full dendrogram laid out along the display rows. */
  dend: DendrogramLayout;
  /** The full order and values the view stands for. */
  full: { values: HeatmapValues; ordering: Ordering };
}

/**
 * The view with subtrees `ids` of the rows' tree collapsed, or `null` when none applies
 * (no row tree, no valid id). A square matrix collapses its rows and columns (one order);
 * a rectangular one its rows only. The display matrix shares the full matrix's
 * statistics (range, NaN count): the byte range, colour domain and legend stay those of
 * the full matrix, so expanding restores exactly the same picture.
 */
export function collapseView(
  values: HeatmapValues,
  ordering: Ordering,
  dend: DendrogramLayout | null,
  ids: readonly number[],
): CollapseView | null {
  const tree = ordering.rowTree;
  if (!tree || !dend || ids.length === 0) return null;
  const n = values.rows;
  const square = values.rows === values.cols;
  const nodes = outermostNodes(n, dend, ids);
  if (nodes.length === 0) return null;
  const R = displayRows(n, dend, nodes);
  const C = square ? R : identityRows(values.cols);
  const D = R.count;
  const data = blockMaxima(values.data, values.cols, ordering.rows, ordering.cols, R, C);
  const labels = Array.from({ length: D }, (_, d) => bandLabel(values.rowLabels, ordering.rows, R, d));
  const shown: HeatmapValues = {
    kind: values.kind,
    rows: D,
    cols: C.count,
    data,
    rowLabels: labels,
    colLabels: square ? labels : ordering.cols.map((j) => values.colLabels[j]),
    symmetric: values.symmetric,
    correlation: values.correlation,
    min: values.min,
    max: values.max,
    nanCount: values.nanCount,
    ...(values.offMax !== undefined ? { offMax: values.offMax } : {}),
  };
  primeStats(shown, { min: values.min, max: values.max, nanCount: values.nanCount, correlation: values.correlation });
  const identity = Array.from({ length: D }, (_, d) => d);
  return {
    nodes,
    rows: R,
    cols: C,
    values: shown,
    ordering: {
      rows: identity,
      cols: square ? identity : Array.from({ length: C.count }, (_, c) => c),
      rowTree: tree,
      colTree: square ? tree : ordering.colTree,
    },
    dend: collapseDendrogram(tree, dend, R),
    full: { values, ordering },
  };
}
