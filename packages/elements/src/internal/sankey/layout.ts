import { compareKeys, type FlowGraph, type FlowLink, type FlowNode, type Key } from '@classlens/core';
import { formatCount } from '../format.js';
import { placeLabels } from '../label-placement.js';
import { groupColumns, orderColumns, orderGroups, weightedCrossings, type OrderGraph } from './order.js';

/**
 * How nodes are ordered within a stage: `auto` minimises weighted link crossings
 * (barycentre sweeps seeded from key and value order; see order.ts); `value` (largest
 * first), `key` and `input` (first appearance) are fixed orders. "Other" always goes last.
 */
export type NodeSort = 'auto' | 'value' | 'key' | 'input';
/** What link widths encode: counts, P(target | source), or P(source | target). */
export type Normalize = 'none' | 'source' | 'target';

/** Options for {@link layoutSankey}. */
export interface LayoutOptions {
  width: number;
  height: number;
  normalize: Normalize;
  /** Node order per stage: arrays of indices into `graph.nodes` (from {@link sankeyOrder}). */
  order: readonly (readonly number[])[];
  nodeWidth?: number;
  nodePadding?: number;
  /** Font size used to estimate label widths and heights. */
  fontSize?: number;
  /** Space above the nodes (stage headers). */
  top?: number;
  /** Space below the nodes. */
  bottom?: number;
}

/** A node with its rectangle. */
export interface LaidNode {
  node: FlowNode;
  /** Index into `graph.nodes`. */
  index: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Which side its label goes. */
  labelSide: 'left' | 'right';
}

/** A link with its band. */
export interface LaidLink {
  link: FlowLink;
  /** Index into `graph.links`. */
  index: number;
  /** Indices into the layout's `nodes` of the source and target. */
  s: number;
  t: number;
  /** Displayed value (count or conditional share). */
  shown: number;
  /** Band width in px. */
  width: number;
  /** Centre of the band where it leaves the source and enters the target. */
  y0: number;
  y1: number;
  /** SVG path of the band's centre line (draw with `stroke-width = width`). */
  path: string;
}

/** A placed node label. */
export interface LaidLabel {
  /** Index into the layout's `nodes`. */
  node: number;
  /** Anchor point of the text (text-anchor `end` on the left side, `start` on the right). */
  x: number;
  y: number;
  side: 'left' | 'right';
  /** Key text, already shortened to fit its lane. */
  text: string;
  count: string;
  /** A leader from the node's edge to the label, when the label moved away from the node. */
  leader: string | null;
}

/** A laid-out Sankey: plain positioned data. */
export interface SankeyLayout {
  nodes: LaidNode[];
  links: LaidLink[];
  /** x of each stage's column (left edge of its nodes), for stage headers. */
  stageX: number[];
  nodeWidth: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** Average glyph width of a UI font, as a fraction of its size (for layout estimates). */
export const CHAR_WIDTH = 0.58;
/** Room between a node and its label, and for a leader line when the label moves. */
const LABEL_GAP = 6;
const LEADER_ROOM = 10;

/** Estimated rendered width of a node label ("key  count"). */
export function labelWidth(n: FlowNode, fontSize: number): number {
  return (Array.from(String(n.key)).length + formatCount(n.value).length + 2) * fontSize * CHAR_WIDTH;
}

/** Node comparator for the fixed orders. The merged "Other" node always goes last. */
export function comparator(
  all: readonly FlowNode[],
  sort: Exclude<NodeSort, 'auto'>,
): (a: FlowNode, b: FlowNode) => number {
  const firstSeen = new Map<FlowNode, number>();
  all.forEach((d, i) => firstSeen.set(d, d.indices.length ? d.indices[0] : i));
  return (a, b) => {
    if (a.other !== b.other) return a.other ? 1 : -1;
    if (sort === 'key') return compareKeys(a.key, b.key);
    if (sort === 'input') return (firstSeen.get(a) as number) - (firstSeen.get(b) as number);
    return b.value - a.value || compareKeys(a.key, b.key);
  };
}

/** Number of stages (columns) of a graph. */
export function stageCount(graph: FlowGraph): number {
  return Math.max(
    graph.stageNames.length,
    graph.nodes.reduce((m, d) => Math.max(m, d.stage + 1), 0),
  );
}

/** The ordering problem of a graph: stages, weighted links (by displayed value), "Other" pinned. */
export function orderGraph(graph: FlowGraph, normalize: Normalize = 'none'): OrderGraph {
  const index = nodeIndex(graph);
  const shown = shownValues(graph, index, normalize);
  return {
    stage: graph.nodes.map((d) => d.stage),
    links: graph.links.map((l, k) => ({
      s: index.get(l.source) as number,
      t: index.get(l.target) as number,
      w: shown[k],
    })),
    pinnedLast: graph.nodes.map((d) => d.other),
  };
}

/** A fixed order: node indices per stage sorted by `sort`. */
export function fixedOrder(graph: FlowGraph, sort: Exclude<NodeSort, 'auto'>): number[][] {
  const S = stageCount(graph);
  const cmp = comparator(graph.nodes, sort);
  const cols: number[][] = Array.from({ length: S }, () => []);
  graph.nodes.forEach((d, i) => cols[d.stage].push(i));
  for (const c of cols) c.sort((a, b) => cmp(graph.nodes[a], graph.nodes[b]) || a - b);
  return cols;
}

/**
 * Node order per stage for `sort`. `auto`: weighted-crossing minimisation seeded from the
 * key order and from the value order; the result never has more weighted crossings than
 * either seed. Big graphs get fewer sweeps (the cost grows with links × degree).
 */
export function sankeyOrder(
  graph: FlowGraph,
  sort: NodeSort,
  normalize: Normalize = 'none',
  consistent = false,
): number[][] {
  if (consistent) return consistentOrder(graph, sort, normalize);
  if (sort !== 'auto') return fixedOrder(graph, sort);
  const g = orderGraph(graph, normalize);
  const big = graph.links.length > 4000;
  return orderColumns(g, [fixedOrder(graph, 'key'), fixedOrder(graph, 'value')], {
    sweeps: big ? 3 : 12,
    transposePasses: big ? 0 : 8,
  });
}

/**
 * The classes of a graph as groups for a shared order: one group per key (compared with
 * `Map` semantics, so `1` and `"1"` stay apart) and one for every merged "Other" node.
 */
export function keyGroups(graph: FlowGraph): { group: Int32Array; keys: Key[]; other: number } {
  const byKey = new Map<Key, number>();
  const keys: Key[] = [];
  const group = new Int32Array(graph.nodes.length);
  let other = -1;
  graph.nodes.forEach((d, i) => {
    if (d.other) {
      if (other < 0) {
        other = keys.length;
        keys.push(d.key);
      }
      group[i] = other;
      return;
    }
    let g = byKey.get(d.key);
    if (g === undefined) {
      byKey.set(d.key, (g = keys.length));
      keys.push(d.key);
    }
    group[i] = g;
  });
  return { group, keys, other };
}

/**
 * One order of the classes shared by every column (a class keeps its vertical place from
 * stage to stage, so a straight band reads "unchanged"), as the chain Sankey needs. `key`,
 * `value` (total over all stages) and `input` (first appearance in any stage) sort the
 * classes once; `auto` picks the permutation with the fewest weighted crossings the
 * heuristic finds ({@link orderGroups}), never worse than the key or value order.
 * "Other" goes last in every column.
 */
export function consistentOrder(graph: FlowGraph, sort: NodeSort, normalize: Normalize = 'none'): number[][] {
  const { group, keys, other } = keyGroups(graph);
  const G = keys.length;
  const total = new Float64Array(G);
  const first = new Float64Array(G).fill(Infinity);
  graph.nodes.forEach((d, i) => {
    total[group[i]] += d.value;
    first[group[i]] = Math.min(first[group[i]], d.indices.length ? d.indices[0] : Infinity);
  });
  const byKey = (a: number, b: number) => compareKeys(keys[a], keys[b]);
  const fixed = (s: Exclude<NodeSort, 'auto'>) =>
    Array.from({ length: G }, (_, k) => k).sort(
      (a, b) =>
        Number(a === other) - Number(b === other) ||
        (s === 'key'
          ? byKey(a, b)
          : s === 'value'
            ? total[b] - total[a] || byKey(a, b)
            : first[a] - first[b] || byKey(a, b)),
    );
  const stage = graph.nodes.map((d) => d.stage);
  if (sort !== 'auto') return groupColumns(stage, group, fixed(sort));
  const big = graph.links.length > 4000;
  const perm = orderGroups(orderGraph(graph, normalize), group, [fixed('key'), fixed('value')], {
    sweeps: big ? 4 : 12,
    transposePasses: big ? 2 : 8,
  });
  return groupColumns(stage, group, perm);
}

/** Weighted crossings of `order` for `graph` (the measure `auto` minimises). */
export function sankeyCrossings(
  graph: FlowGraph,
  order: readonly (readonly number[])[],
  normalize: Normalize = 'none',
): number {
  return weightedCrossings(orderGraph(graph, normalize), order);
}

function nodeIndex(graph: FlowGraph): Map<string, number> {
  const index = new Map<string, number>();
  graph.nodes.forEach((d, i) => index.set(d.id, i));
  return index;
}

function shownValues(graph: FlowGraph, index: Map<string, number>, normalize: Normalize): Float64Array {
  return Float64Array.from(graph.links, (l) => {
    const s = graph.nodes[index.get(l.source) as number];
    const t = graph.nodes[index.get(l.target) as number];
    if (normalize === 'source') return s.value > 0 ? l.value / s.value : 0;
    if (normalize === 'target') return t.value > 0 ? l.value / t.value : 0;
    return l.value;
  });
}

/**
 * Lays out a {@link FlowGraph} in the given node order and returns plain positioned data;
 * nothing is written onto the graph. Columns are the graph's stages (not link depths), so
 * a stage whose links were all hidden keeps its column. One vertical scale for all
 * columns, chosen so the fullest column fills the height; the other columns' nodes are
 * relaxed toward their neighbours (the d3-sankey idea, with the order kept fixed), then
 * pushed apart. At every node, links are stacked in the order of their other ends, so
 * bands never cross at a node.
 */
export function layoutSankey(graph: FlowGraph, o: LayoutOptions): SankeyLayout {
  const fontSize = o.fontSize ?? 12;
  const nodeWidth = o.nodeWidth ?? 14;
  const S = stageCount(graph);
  const top = o.top ?? 24;
  const bottom = o.bottom ?? 6;
  const index = nodeIndex(graph);
  const shown = shownValues(graph, index, o.normalize);

  const maxLabel = (stage: number) =>
    Math.min(
      o.width * 0.3,
      graph.nodes.filter((d) => d.stage === stage).reduce((m, d) => Math.max(m, labelWidth(d, fontSize)), 0) +
        LABEL_GAP +
        LEADER_ROOM +
        2,
    );
  const left = S > 1 ? maxLabel(0) : 4;
  const right = maxLabel(S - 1);
  const x0 = left;
  const x1 = Math.max(x0 + nodeWidth + 1, o.width - right);
  const y0 = top;
  const y1 = Math.max(y0 + 10, o.height - bottom);
  const stageX = stageColumns(S, x0, x1, nodeWidth);

  // Node sizes in displayed units: counts use the node's own value (hidden thin links
  // leave a visible gap); shares use what the links carry.
  const inSum = new Float64Array(graph.nodes.length);
  const outSum = new Float64Array(graph.nodes.length);
  graph.links.forEach((l, k) => {
    outSum[index.get(l.source) as number] += shown[k];
    inSum[index.get(l.target) as number] += shown[k];
  });
  const size = Float64Array.from(graph.nodes, (d, i) =>
    o.normalize === 'none' ? Math.max(d.value, inSum[i], outSum[i]) : Math.max(inSum[i], outSum[i]),
  );

  const order = o.order;
  const H = y1 - y0;
  const maxN = Math.max(1, ...order.map((c) => c.length));
  const pad = Math.max(1, Math.min(o.nodePadding ?? 10, (H * 0.4) / Math.max(1, maxN - 1)));
  let ky = Infinity;
  for (const col of order) {
    const total = col.reduce((a, i) => a + size[i], 0);
    if (total > 0) ky = Math.min(ky, (H - pad * (col.length - 1)) / total);
  }
  if (!Number.isFinite(ky) || ky <= 0) ky = 0;
  // Nodes of zero size (a share of nothing) still get a hairline.
  const h = Float64Array.from(size, (v) => Math.max(v * ky, 1));

  const nodes: LaidNode[] = graph.nodes.map((node, i) => ({
    node,
    index: i,
    x0: stageX[node.stage] ?? x0,
    x1: (stageX[node.stage] ?? x0) + nodeWidth,
    y0: 0,
    y1: 0,
    labelSide: node.stage === 0 && S > 1 ? 'left' : 'right',
  }));

  // Initial placement: each column stacked and centred.
  const y = new Float64Array(graph.nodes.length); // top of each node
  for (const col of order) {
    const used = col.reduce((a, i) => a + h[i], 0) + pad * Math.max(0, col.length - 1);
    let at = y0 + Math.max(0, (H - used) / 2);
    for (const i of col) {
      y[i] = at;
      at += h[i] + pad;
    }
  }
  // Relaxation: move nodes toward the weighted centre of their neighbours, then resolve
  // overlaps keeping the order. Alternate directions; damp as d3-sankey does.
  const adj: { other: number; w: number }[][] = graph.nodes.map(() => []);
  graph.links.forEach((l, k) => {
    const s = index.get(l.source) as number;
    const t = index.get(l.target) as number;
    adj[s].push({ other: t, w: shown[k] });
    adj[t].push({ other: s, w: shown[k] });
  });
  const iterations = 6;
  for (let it = 0; it < iterations; it++) {
    const alpha = 0.99 ** it * 0.8;
    const cols = it % 2 === 0 ? order : [...order].reverse();
    for (const col of cols) {
      for (const i of col) {
        let sw = 0;
        let sc = 0;
        for (const a of adj[i]) {
          sw += a.w;
          sc += a.w * (y[a.other] + h[a.other] / 2);
        }
        if (sw > 0) y[i] += (sc / sw - h[i] / 2 - y[i]) * alpha;
      }
      resolve(col, y, h, pad, y0, y1);
    }
  }
  for (const d of nodes) {
    d.y0 = y[d.index];
    d.y1 = y[d.index] + h[d.index];
  }

  // Links: stacked at each node in the order of their other end (no crossings at nodes).
  const centre = (i: number) => y[i] + h[i] / 2;
  const links: LaidLink[] = graph.links.map((link, k) => ({
    link,
    index: k,
    s: index.get(link.source) as number,
    t: index.get(link.target) as number,
    shown: shown[k],
    width: shown[k] * ky,
    y0: 0,
    y1: 0,
    path: '',
  }));
  const outs: number[][] = graph.nodes.map(() => []);
  const ins: number[][] = graph.nodes.map(() => []);
  links.forEach((l, k) => {
    outs[l.s].push(k);
    ins[l.t].push(k);
  });
  const rank = new Int32Array(graph.nodes.length);
  for (const col of order) col.forEach((v, r) => (rank[v] = r));
  // Each link's other ends, as numbers (centre, then rank): sorting by plain arrays keeps
  // this O(L log d) pass cheap at 10^4 links.
  const tCentre = Float64Array.from(links, (l) => centre(l.t));
  const sCentre = Float64Array.from(links, (l) => centre(l.s));
  const tRank = Int32Array.from(links, (l) => rank[l.t]);
  const sRank = Int32Array.from(links, (l) => rank[l.s]);
  const byTarget = (a: number, b: number) => tCentre[a] - tCentre[b] || tRank[a] - tRank[b] || a - b;
  const bySource = (a: number, b: number) => sCentre[a] - sCentre[b] || sRank[a] - sRank[b] || a - b;
  for (let v = 0; v < graph.nodes.length; v++) {
    let at = y[v];
    for (const k of outs[v].sort(byTarget)) {
      links[k].y0 = at + links[k].width / 2;
      at += links[k].width;
    }
    at = y[v];
    for (const k of ins[v].sort(bySource)) {
      links[k].y1 = at + links[k].width / 2;
      at += links[k].width;
    }
  }
  for (const l of links) l.path = bandPath(nodes[l.s].x1, l.y0, nodes[l.t].x0, l.y1);

  return { nodes, links, stageX, nodeWidth, top, bottom, width: o.width, height: o.height };
}

/** Centre line of a band from (xa, ya) to (xb, yb): a horizontal cubic, as d3's linkHorizontal. */
export function bandPath(xa: number, ya: number, xb: number, yb: number): string {
  const xm = (xa + xb) / 2;
  const f = (v: number) => Math.round(v * 100) / 100;
  return `M${f(xa)},${f(ya)}C${f(xm)},${f(ya)} ${f(xm)},${f(yb)} ${f(xb)},${f(yb)}`;
}

/** Pushes a column's nodes apart (order kept), then back inside [y0, y1]. */
function resolve(col: readonly number[], y: Float64Array, h: Float64Array, pad: number, y0: number, y1: number) {
  let at = y0;
  for (const i of col) {
    if (y[i] < at) y[i] = at;
    at = y[i] + h[i] + pad;
  }
  at = y1;
  for (let k = col.length - 1; k >= 0; k--) {
    const i = col[k];
    if (y[i] + h[i] > at) y[i] = at - h[i];
    at = y[i] - pad;
  }
  // A column taller than the extent (rounding) starts at the top.
  if (col.length && y[col[0]] < y0) {
    let a = y0;
    for (const i of col) {
      y[i] = Math.max(y[i], a);
      a = y[i] + h[i] + pad;
    }
  }
}

function stageColumns(S: number, x0: number, x1: number, nodeWidth: number): number[] {
  if (S <= 1) return [x0];
  const kx = (x1 - x0 - nodeWidth) / (S - 1);
  return Array.from({ length: S }, (_, s) => x0 + s * kx);
}

/**
 * How many characters each stage header may take so that none overlaps the next: headers
 * start at their column's left edge, the last ends at its column's right edge, so the
 * last two share the space between them (a short one leaves its rest to the other).
 * `charWidth` is the estimated width of one header character in px.
 */
export function stageHeaderChars(
  stageX: readonly number[],
  nodeWidth: number,
  names: readonly string[],
  charWidth: number,
  width: number,
): number[] {
  const S = stageX.length;
  const natural = stageX.map((_, s) => Array.from(names[s] ?? '').length);
  const fit = (px: number) => Math.max(4, Math.floor(px / charWidth));
  if (S <= 1) return [fit(width - (stageX[0] ?? 0))];
  const pad = charWidth * 1.5;
  const out = natural.map((n, s) => (s < S - 2 ? Math.min(n, fit(stageX[s + 1] - stageX[s] - pad)) : n));
  const room = fit(stageX[S - 1] + nodeWidth - stageX[S - 2] - pad);
  const [a, b] = [natural[S - 2], natural[S - 1]];
  if (a + b > room) {
    const half = Math.floor(room / 2);
    const ca = a <= half ? a : b <= half ? room - b : half;
    out[S - 2] = Math.min(a, Math.max(4, ca));
    out[S - 1] = Math.min(b, Math.max(4, room - out[S - 2]));
  }
  return out;
}

/** Options for {@link layoutLabels}. */
export interface LabelOptions {
  fontSize: number;
  /** Nodes whose label must show whatever its size (e.g. the focused one). */
  force?: ReadonlySet<number>;
  /** Characters available for middle-column labels. */
  middleChars?: number;
}

/**
 * Node labels, placed so they never overlap: per lane (left of the first column, right of
 * every other), labels keep their nodes' order, move as little as possible, and get a
 * leader line to their node when they moved; the lowest-value labels are dropped only
 * when a lane has no room left. Returns the labels and the nodes left unlabelled.
 */
export function layoutLabels(L: SankeyLayout, o: LabelOptions): { labels: LaidLabel[]; hidden: number[] } {
  const fs = o.fontSize;
  const lineH = Math.ceil(fs * 1.3);
  const S = L.stageX.length;
  const lanes = new Map<string, number[]>();
  L.nodes.forEach((d, i) => {
    const lane = `${d.node.stage}:${d.labelSide}`;
    let a = lanes.get(lane);
    if (!a) lanes.set(lane, (a = []));
    a.push(i);
  });
  const labels: LaidLabel[] = [];
  const hidden: number[] = [];
  for (const members of lanes.values()) {
    const first = L.nodes[members[0]];
    const side = first.labelSide;
    const stage = first.node.stage;
    const slots = placeLabels(
      members.map((i) => ({
        at: (L.nodes[i].y0 + L.nodes[i].y1) / 2,
        size: lineH,
        priority: (o.force?.has(i) ? 1e300 : 0) + L.nodes[i].node.value,
      })),
      L.top,
      L.height - L.bottom,
    );
    const moved = slots.some((s) => s.at !== null && s.shift > 1.5);
    const room =
      side === 'left'
        ? L.stageX[0] - LABEL_GAP - (moved ? LEADER_ROOM : 0)
        : stage === S - 1
          ? L.width - (L.stageX[stage] + L.nodeWidth) - LABEL_GAP - (moved ? LEADER_ROOM : 0)
          : (o.middleChars ?? 24) * fs * CHAR_WIDTH;
    members.forEach((i, k) => {
      const slot = slots[k];
      const d = L.nodes[i];
      if (slot.at === null) {
        hidden.push(i);
        return;
      }
      const count = formatCount(d.node.value);
      const chars = Math.max(4, Math.floor(room / (fs * CHAR_WIDTH) + 1e-6) - 2 - count.length);
      const edge = side === 'left' ? d.x0 : d.x1;
      const dir = side === 'left' ? -1 : 1;
      const x = edge + dir * (LABEL_GAP + (moved ? LEADER_ROOM : 0));
      const cy = (d.y0 + d.y1) / 2;
      const leader =
        slot.shift > 1.5
          ? `M${r2(edge + dir * 2)},${r2(cy)}L${r2(edge + dir * (LABEL_GAP + 2))},${r2(cy)}L${r2(x - dir * 2)},${r2(slot.at)}`
          : null;
      labels.push({ node: i, x, y: slot.at, side, text: truncateKey(String(d.node.key), chars), count, leader });
    });
  }
  return { labels, hidden };
}

const r2 = (v: number) => Math.round(v * 100) / 100;

function truncateKey(s: string, max: number): string {
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, Math.max(1, max - 1)).join('') + '…';
}
