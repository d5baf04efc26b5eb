import { cutTree, type HclustTree, type Key } from '@classlens/core';

/** A run of consecutive display positions sharing a group. */
export interface Span {
  /** First and last display position (inclusive). */
  start: number;
  end: number;
  /** Group id (cluster number, or index of the group key). */
  group: number;
  label: string;
}

/**
 * Runs of equal group ids along the display order. For `cutTree` clusters these are
 * exactly the clusters (a cut of the tree is contiguous in its leaf order); for taxonomy
 * groups under another order a group may split into several spans.
 */
export function spansOf(
  order: readonly number[],
  groupOf: ArrayLike<number>,
  label: (group: number, size: number) => string,
): Span[] {
  const out: Span[] = [];
  for (let r = 0; r < order.length; r++) {
    const g = groupOf[order[r]];
    const last = out[out.length - 1];
    if (last && last.group === g && last.end === r - 1) last.end = r;
    else out.push({ start: r, end: r, group: g, label: '' });
  }
  for (const s of out) s.label = label(s.group, s.end - s.start + 1);
  return out;
}

/**
 * `cutTree` clusters as spans, labelled by their members: with class groups (e.g. a
 * taxonomy level), the most common group and the share of members in it; else the first
 * two names and a count.
 */
export function clusterSpans(
  tree: HclustTree,
  k: number,
  labels: readonly Key[],
  classGroups: readonly Key[] | null = null,
): { groupOf: Int32Array; spans: Span[] } {
  const n = tree.order.length;
  const kk = Math.max(1, Math.min(n, Math.floor(k)));
  const groupOf = cutTree(tree, kk);
  const members = new Map<number, number[]>();
  for (const i of tree.order) {
    const list = members.get(groupOf[i]);
    if (list) list.push(i);
    else members.set(groupOf[i], [i]);
  }
  const spans = spansOf(tree.order, groupOf, (g, size) => {
    const m = members.get(g) ?? [];
    if (classGroups) {
      const count = new Map<Key, number>();
      let top: Key = '';
      let best = 0;
      for (const i of m) {
        const c = (count.get(classGroups[i]) ?? 0) + 1;
        count.set(classGroups[i], c);
        if (c > best) {
          best = c;
          top = classGroups[i];
        }
      }
      const share = best / Math.max(1, m.length);
      return `${String(top)}${share < 0.995 ? ` ${Math.round(share * 100)}%` : ''} · ${size}`;
    }
    const names = m.slice(0, 2).map((i) => String(labels[i]));
    return size <= 2 ? names.join(', ') : `${names.join(', ')} +${size - 2}`;
  });
  return { groupOf, spans };
}

/** Spans of caller-given group keys (e.g. a taxonomy level), labelled by the key. */
export function keySpans(
  order: readonly number[],
  groups: readonly Key[],
): { groupOf: Int32Array; spans: Span[]; keys: Key[] } {
  const keys: Key[] = [];
  const index = new Map<Key, number>();
  const groupOf = new Int32Array(groups.length);
  groups.forEach((g, i) => {
    let k = index.get(g);
    if (k === undefined) {
      k = keys.length;
      index.set(g, k);
      keys.push(g);
    }
    groupOf[i] = k;
  });
  return { groupOf, spans: spansOf(order, groupOf, (g) => String(keys[g])), keys };
}

/**
 * Rows with a "star pattern" (Blocks, Alsallakh et al. 2018): classes similar to many
 * classes outside their own group, seen as a line of high values across off-diagonal
 * blocks. A row's score is the number of cells outside its group's span at or above
 * `threshold`; rows scoring at least 3, and at least 3× the median score, are starred
 * (at most 5% of the rows, highest first). Display positions, ascending. O(rows · cols).
 */
export function starRows(
  data: ArrayLike<number>,
  cols: number,
  order: readonly number[],
  colOrder: readonly number[],
  spans: readonly Span[],
  threshold: number,
): number[] {
  const n = order.length;
  if (n < 4 || spans.length < 2) return [];
  const spanAt = new Int32Array(n);
  spans.forEach((s, k) => spanAt.fill(k, s.start, s.end + 1));
  const colSpan = colOrder === order ? spanAt : null;
  const score = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const base = order[r] * cols;
    const own = spans[spanAt[r]];
    let c = 0;
    for (let q = 0; q < colOrder.length; q++) {
      if (colSpan ? colSpan[q] === spanAt[r] : q >= own.start && q <= own.end) continue;
      if (data[base + colOrder[q]] >= threshold) c++;
    }
    score[r] = c;
  }
  const sorted = Float64Array.from(score).sort();
  const median = sorted[n >> 1];
  const cap = Math.max(1, Math.floor(n * 0.05));
  return Array.from({ length: n }, (_, r) => r)
    .filter((r) => score[r] >= 3 && score[r] >= 3 * median)
    .sort((a, b) => score[b] - score[a] || a - b)
    .slice(0, cap)
    .sort((a, b) => a - b);
}

/** A dendrogram laid out along the display order. */
export interface DendrogramLayout {
  /** Per merge k: display range of its leaves (inclusive) and its height in [0, 1]. */
  lo: Int32Array;
  hi: Int32Array;
  height: Float64Array;
  /** Position of each merge's vertical bar along the leaf axis (display units, leaf centres at r + 0.5). */
  mid: Float64Array;
  /** Tallest merge height (heights are divided by it). */
  maxHeight: number;
  /** Display position of each leaf (input index → row). */
  pos: Int32Array;
  /**
   * With collapsed subtrees (see `collapse.ts`), per merge: 0 drawn, 1 hidden inside a
   * collapsed subtree, 2 a collapsed subtree (drawn as a triangle, not as a bracket).
   */
  state?: Uint8Array;
}

/**
 * Lays out `tree` with leaves at their display positions: merge k of children a, b spans
 * the leaves of both; its bar joins the children's midpoints at its height. SciPy's
 * convention: ids below n are leaves, n + k is merge k.
 */
export function layoutDendrogram(tree: HclustTree): DendrogramLayout {
  const n = tree.order.length;
  const m = tree.merges.length;
  const pos = new Int32Array(n);
  tree.order.forEach((leaf, r) => (pos[leaf] = r));
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  const height = new Float64Array(m);
  const mid = new Float64Array(m);
  let maxHeight = 0;
  for (const [, , h] of tree.merges) if (h > maxHeight) maxHeight = h;
  const range = (id: number): [number, number, number] =>
    id < n ? [pos[id], pos[id], pos[id] + 0.5] : [lo[id - n], hi[id - n], mid[id - n]];
  tree.merges.forEach(([a, b, h], k) => {
    const A = range(a);
    const B = range(b);
    lo[k] = Math.min(A[0], B[0]);
    hi[k] = Math.max(A[1], B[1]);
    mid[k] = (A[2] + B[2]) / 2;
    height[k] = maxHeight > 0 ? h / maxHeight : 0;
  });
  return { lo, hi, height, mid, maxHeight, pos };
}

/**
 * The dendrogram as one SVG path in a box `depth` deep: leaves at depth (next to the
 * matrix), the root towards 0; leaf r centred at (r + 0.5) · unit + offset along the leaf
 * axis. `vertical` lays the leaves along y (a row dendrogram, left of the rows); else
 * along x (a column dendrogram, above the columns). Only merges overlapping the
 * `visible` display range are drawn, and none whose leaves span under `minSpan` pixels.
 */
export function dendrogramPath(
  tree: HclustTree,
  L: DendrogramLayout,
  depth: number,
  unit: number,
  offset: number,
  visible: readonly [number, number],
  minSpan = 0,
  vertical = true,
): string {
  const n = tree.order.length;
  const at = (id: number) => (id < n ? L.pos[id] + 0.5 : L.mid[id - n]);
  const h = (id: number) => (id < n ? 0 : L.height[id - n]);
  const p = (a: number, hh: number) => {
    const u = (a * unit + offset).toFixed(1);
    const d = (depth * (1 - hh)).toFixed(1);
    return vertical ? `${d},${u}` : `${u},${d}`;
  };
  const parts: string[] = [];
  tree.merges.forEach(([a, b], k) => {
    if (L.state?.[k]) return;
    if ((L.hi[k] - L.lo[k] + 1) * unit < minSpan) return;
    if (L.hi[k] + 1 < visible[0] || L.lo[k] > visible[1]) return;
    const hk = L.height[k];
    parts.push(`M${p(at(a), h(a))}L${p(at(a), hk)}L${p(at(b), hk)}L${p(at(b), h(b))}`);
  });
  return parts.join('');
}

/**
 * The merge whose bracket is nearest to a point of the dendrogram box (leaf axis `at`
 * in display units, `h` the height in [0, 1] from the leaves), or −1. A collapsed
 * subtree's triangle picks its merge; merges hidden inside one are never picked.
 */
export function mergeAt(L: DendrogramLayout, at: number, h: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let k = 0; k < L.lo.length; k++) {
    if (at < L.lo[k] || at > L.hi[k] + 1 || L.state?.[k] === 1) continue;
    // The smallest bracket above the point that contains it.
    const d = L.height[k] - h;
    if (d >= -0.02 && d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}
