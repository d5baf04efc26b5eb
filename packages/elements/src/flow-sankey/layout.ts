import { sankey, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import { formatCount } from '../shared/format.js';
import { compareKeys, type FlowGraph, type FlowLink, type FlowNode, type Key } from '@classlens/core';

/** How nodes are ordered within a stage. */
export type NodeSort = 'value' | 'key' | 'input';
/** What link widths encode: counts, P(target | source), or P(source | target). */
export type Normalize = 'none' | 'source' | 'target';

export interface LayoutOptions {
  width: number;
  height: number;
  nodeSort: NodeSort;
  normalize: Normalize;
  nodeWidth?: number;
  nodePadding?: number;
  /** Font size used to estimate label widths for the side margins. */
  fontSize?: number;
}

export interface LaidNode {
  node: FlowNode;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Colour slot in the categorical palette, or -1 for the merged "Other" node. */
  color: number;
  /** Where its label goes. */
  labelSide: 'left' | 'right';
}

export interface LaidLink {
  link: FlowLink;
  /** Index into `nodes` of the source and target. */
  s: number;
  t: number;
  /** Displayed value (count or conditional share). */
  shown: number;
  width: number;
  /** SVG path of the link's centre line. */
  path: string;
  /** Vertical centre at the source and target ends (for keyboard navigation and tooltips). */
  y0: number;
  y1: number;
}

export interface SankeyLayout {
  nodes: LaidNode[];
  links: LaidLink[];
  /** x of each stage's column (left edge of its nodes), for stage headers. */
  stageX: number[];
  nodeWidth: number;
  top: number;
}

interface SNode {
  i: number;
  stage: number;
  fixedValue?: number;
}
interface SLink {
  source: number;
  target: number;
  value: number;
  k: number; // index into graph.links, -1 for a phantom link
}

/** Estimated rendered width of a node label ("key  count"). */
export function labelWidth(n: FlowNode, fontSize: number): number {
  return (Array.from(String(n.key)).length + formatCount(n.value).length + 2) * fontSize * CHAR_WIDTH;
}

/** Average glyph width of a UI font, as a fraction of its size (for layout estimates). */
export const CHAR_WIDTH = 0.58;

/**
 * Lays out a {@link FlowGraph} with d3-sankey and returns plain positioned data. Nothing
 * is written onto the graph: d3-sankey gets fresh copies. Columns are the graph's
 * stages, not link depths, so a stage whose links were all hidden keeps its column.
 */
export function layoutSankey(graph: FlowGraph, o: LayoutOptions): SankeyLayout {
  const fontSize = o.fontSize ?? 12;
  const nodeWidth = o.nodeWidth ?? 14;
  const S = graph.nodes.reduce((m, d) => Math.max(m, d.stage + 1), 0);
  const top = 24;
  const bottom = 6;
  const maxLabel = (stage: number) =>
    Math.min(
      o.width * 0.3,
      graph.nodes.filter((d) => d.stage === stage).reduce((m, d) => Math.max(m, labelWidth(d, fontSize)), 0) + 8,
    );
  const left = S > 1 ? maxLabel(0) : 4;
  const right = maxLabel(S - 1);
  const x0 = left;
  const x1 = Math.max(x0 + nodeWidth + 1, o.width - right);
  const y0 = top;
  const y1 = Math.max(y0 + 10, o.height - bottom);

  const index = new Map<string, number>();
  graph.nodes.forEach((d, i) => index.set(d.id, i));
  const colorOf = colorSlots(graph.nodes);

  // Displayed link values.
  const out = new Float64Array(graph.nodes.length);
  const inn = new Float64Array(graph.nodes.length);
  for (const l of graph.links) {
    out[index.get(l.source) as number] += l.value;
    inn[index.get(l.target) as number] += l.value;
  }
  const shown = graph.links.map((l) => {
    const s = index.get(l.source) as number;
    const t = index.get(l.target) as number;
    if (o.normalize === 'source') return l.value / graph.nodes[s].value;
    if (o.normalize === 'target') return l.value / graph.nodes[t].value;
    return l.value;
  });

  const cmp = comparator(graph.nodes, o.nodeSort);
  const nodes: LaidNode[] = graph.nodes.map((node) => ({
    node,
    x0: 0,
    x1: 0,
    y0: 0,
    y1: 0,
    color: node.other ? -1 : (colorOf.get(String(node.key)) ?? 0),
    labelSide: node.stage === S - 1 && S > 1 ? 'right' : node.stage === 0 && S > 1 ? 'left' : 'right',
  }));

  if (S <= 1 || graph.links.length === 0) {
    stackColumns(nodes, S, cmp, x0, x1, y0, y1, nodeWidth, o.nodePadding ?? 10);
    return { nodes, links: [], stageX: stageColumns(S, x0, x1, nodeWidth), nodeWidth, top };
  }

  const sNodes: SNode[] = graph.nodes.map((d, i) => ({
    i,
    stage: d.stage,
    // Counts: node height is the node's true size (hidden thin links leave a gap).
    ...(o.normalize === 'none' ? { fixedValue: Math.max(d.value, out[i], inn[i]) } : {}),
  }));
  const sLinks: SLink[] = graph.links.map((l, k) => ({
    source: index.get(l.source) as number,
    target: index.get(l.target) as number,
    value: shown[k],
    k,
  }));
  // Phantom zero-width links so every stage gets its own column even with no links.
  for (let s = 0; s + 1 < S; s++) {
    const a = graph.nodes.findIndex((d) => d.stage === s);
    const b = graph.nodes.findIndex((d) => d.stage === s + 1);
    if (a >= 0 && b >= 0) sLinks.push({ source: a, target: b, value: 0, k: -1 });
  }
  const generator = sankey<SNode, SLink>()
    .nodeId((d) => d.i)
    .nodeAlign((d) => (d as unknown as SNode).stage)
    .nodeWidth(nodeWidth)
    .nodePadding(Math.min(o.nodePadding ?? 10, Math.max(2, (y1 - y0) / Math.max(1, maxColumn(graph.nodes, S)) / 4)))
    .nodeSort((a, b) => cmp(graph.nodes[a.i], graph.nodes[b.i]))
    .extent([
      [x0, y0],
      [x1, y1],
    ]);
  const g = generator({ nodes: sNodes, links: sLinks } as SankeyGraph<SNode, SLink>);
  for (const d of g.nodes) {
    const n = nodes[d.i];
    n.x0 = d.x0 ?? 0;
    n.x1 = d.x1 ?? 0;
    n.y0 = d.y0 ?? 0;
    n.y1 = d.y1 ?? 0;
  }
  const pathGen = sankeyLinkHorizontal<SNode, SLink>();
  const links: LaidLink[] = [];
  for (const d of g.links) {
    if (d.k < 0) continue;
    links.push({
      link: graph.links[d.k],
      s: (d.source as unknown as SNode).i,
      t: (d.target as unknown as SNode).i,
      shown: shown[d.k],
      width: d.width ?? 0,
      path: pathGen(d) ?? '',
      y0: d.y0 ?? 0,
      y1: d.y1 ?? 0,
    });
  }
  return { nodes, links, stageX: stageColumns(S, x0, x1, nodeWidth), nodeWidth, top };
}

function maxColumn(nodes: FlowNode[], S: number): number {
  const c = new Array<number>(S).fill(0);
  for (const d of nodes) c[d.stage]++;
  return Math.max(1, ...c);
}

function stageColumns(S: number, x0: number, x1: number, nodeWidth: number): number[] {
  if (S <= 1) return [x0];
  const kx = (x1 - x0 - nodeWidth) / (S - 1);
  return Array.from({ length: S }, (_, s) => x0 + s * kx);
}

/** Fallback layout when there are no links: each stage's nodes stacked by value. */
function stackColumns(
  nodes: LaidNode[],
  S: number,
  cmp: (a: FlowNode, b: FlowNode) => number,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  nodeWidth: number,
  pad: number,
) {
  const xs = stageColumns(S, x0, x1, nodeWidth);
  for (let s = 0; s < S; s++) {
    const col = nodes.filter((d) => d.node.stage === s).sort((a, b) => cmp(a.node, b.node));
    const total = col.reduce((a, d) => a + d.node.value, 0);
    const p = Math.min(pad, (y1 - y0) / Math.max(1, col.length) / 4);
    const ky = (y1 - y0 - p * Math.max(0, col.length - 1)) / Math.max(total, 1e-9);
    let y = y0;
    for (const d of col) {
      d.x0 = xs[s];
      d.x1 = xs[s] + nodeWidth;
      d.y0 = y;
      d.y1 = y + d.node.value * ky;
      y = d.y1 + p;
    }
  }
}

/** Node comparator within a stage. The merged "Other" node always goes last. */
export function comparator(all: readonly FlowNode[], sort: NodeSort): (a: FlowNode, b: FlowNode) => number {
  const firstSeen = new Map<FlowNode, number>();
  all.forEach((d, i) => firstSeen.set(d, d.indices.length ? d.indices[0] : i));
  return (a, b) => {
    if (a.other !== b.other) return a.other ? 1 : -1;
    if (sort === 'key') return compareKeys(a.key, b.key);
    if (sort === 'input') return (firstSeen.get(a) as number) - (firstSeen.get(b) as number);
    return b.value - a.value || compareKeys(a.key, b.key);
  };
}

/**
 * Palette slot per key, shared by all stages so a class has one colour on both sides of
 * a truth → prediction flow. Keys are numbered in sorted order, so colours don't shift
 * when counts change.
 */
export function colorSlots(nodes: readonly FlowNode[]): Map<string, number> {
  const keys = new Map<string, Key>();
  for (const d of nodes) if (!d.other) keys.set(String(d.key), d.key);
  const sorted = [...keys.values()].sort(compareKeys);
  return new Map(sorted.map((k, i) => [String(k), i]));
}
