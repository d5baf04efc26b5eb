import { ClasslensError } from '../common/errors.js';
import type { Key } from '../common/keys.js';
import type { FlowGraph, FlowLink, FlowNode } from './flow-graph.js';

/** A graph supplied by the caller, e.g. from a server that aggregated the flows. */
export interface FlowGraphInput {
  nodes: readonly { id: Key; label?: Key; stage?: number }[];
  links: readonly { source: Key; target: Key; value: number; indices?: ArrayLike<number> }[];
  stageNames?: readonly string[];
}

const EMPTY = new Uint32Array(0);

/**
 * Validates a caller-supplied flow graph and returns it in {@link flowGraph}'s shape, so
 * one renderer handles both. Checks, before any layout: node ids are unique
 * (`DUPLICATE_KEY` naming the id), links name existing nodes (`MISSING_KEY` naming the
 * link), values are finite and > 0 (`NON_FINITE` / `INVALID_ARGUMENT` naming the link),
 * and the graph is acyclic (`CYCLE` naming a link on a cycle; Kahn's algorithm, O(V + E),
 * so a cycle never hangs a layout). A node's stage is its given `stage`, else its longest
 * path from a source. A node's value is max(Σ in, Σ out), as d3-sankey computes it.
 */
export function checkFlowGraph(graph: FlowGraphInput): FlowGraph {
  if (graph == null || !Array.isArray(graph.nodes) || !Array.isArray(graph.links)) {
    throw new ClasslensError('INVALID_ARGUMENT', 'graph: expected { nodes: [], links: [] }');
  }
  const index = new Map<string, number>();
  graph.nodes.forEach((d, i) => {
    if (d == null || (typeof d.id !== 'string' && typeof d.id !== 'number')) {
      throw new ClasslensError('INVALID_ARGUMENT', `graph: node ${i} has no id`);
    }
    const id = String(d.id);
    if (index.has(id))
      throw new ClasslensError('DUPLICATE_KEY', `graph: duplicate node id ${JSON.stringify(id)}`, { id });
    index.set(id, i);
  });
  const V = graph.nodes.length;
  const out: number[][] = Array.from({ length: V }, () => []);
  const indeg = new Int32Array(V);
  const inSum = new Float64Array(V);
  const outSum = new Float64Array(V);
  const ends = graph.links.map((l, k) => {
    const name =
      l == null ? `link ${k}` : `link ${JSON.stringify(String(l.source))} → ${JSON.stringify(String(l.target))}`;
    if (l == null) throw new ClasslensError('INVALID_ARGUMENT', `graph: ${name} is empty`);
    const s = index.get(String(l.source));
    const t = index.get(String(l.target));
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? l.source : l.target;
      throw new ClasslensError('MISSING_KEY', `graph: ${name} names missing node ${JSON.stringify(String(missing))}`, {
        link: k,
      });
    }
    if (typeof l.value !== 'number' || Number.isNaN(l.value) || !Number.isFinite(l.value)) {
      throw new ClasslensError('NON_FINITE', `graph: ${name} has value ${String(l.value)}`, { link: k });
    }
    if (l.value <= 0) throw new ClasslensError('INVALID_ARGUMENT', `graph: ${name} has value ${l.value}, expected > 0`);
    if (s === t) throw new ClasslensError('CYCLE', `graph: ${name} links a node to itself`, { link: k });
    out[s].push(k);
    indeg[t]++;
    outSum[s] += l.value;
    inSum[t] += l.value;
    return [s, t] as const;
  });

  // Kahn's algorithm; depth = longest path from a source.
  const depth = new Int32Array(V);
  const queue: number[] = [];
  const remaining = indeg.slice();
  for (let v = 0; v < V; v++) if (remaining[v] === 0) queue.push(v);
  let seen = 0;
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    seen++;
    for (const k of out[v]) {
      const t = ends[k][1];
      if (depth[v] + 1 > depth[t]) depth[t] = depth[v] + 1;
      if (--remaining[t] === 0) queue.push(t);
    }
  }
  if (seen < V) {
    // Every node left has an incoming link from another node left: walk back to a repeat.
    let v = remaining.findIndex((r) => r > 0);
    const onCycleVia = new Map<number, number>();
    const incoming = (t: number) => graph.links.findIndex((_, k) => ends[k][1] === t && remaining[ends[k][0]] > 0);
    while (!onCycleVia.has(v)) {
      const k = incoming(v);
      onCycleVia.set(v, k);
      v = ends[k][0];
    }
    const l = graph.links[onCycleVia.get(v) as number];
    throw new ClasslensError(
      'CYCLE',
      `graph: link ${JSON.stringify(String(l.source))} → ${JSON.stringify(String(l.target))} is on a cycle`,
    );
  }

  const nodes: FlowNode[] = graph.nodes.map((d, i) => {
    const stage = d.stage ?? depth[i];
    if (!Number.isInteger(stage) || stage < 0) {
      throw new ClasslensError('INVALID_ARGUMENT', `graph: node ${JSON.stringify(String(d.id))} has stage ${stage}`);
    }
    const key = d.label ?? d.id;
    return {
      id: String(d.id),
      stage,
      key,
      value: Math.max(inSum[i], outSum[i]),
      other: false,
      members: [key],
      indices: EMPTY,
    };
  });
  const links: FlowLink[] = graph.links.map((l) => ({
    source: String(l.source),
    target: String(l.target),
    value: l.value,
    indices: l.indices ? Uint32Array.from(l.indices) : EMPTY,
  }));
  const S = nodes.reduce((m, d) => Math.max(m, d.stage + 1), 0);
  const stageNames = graph.stageNames ? [...graph.stageNames] : Array.from({ length: S }, (_, s) => `Stage ${s + 1}`);
  const total = links.reduce((a, l) => a + (nodes[index.get(l.source) as number].stage === 0 ? l.value : 0), 0);
  return { nodes, links, stageNames, total, kept: total, hiddenLinks: 0, hiddenItems: 0 };
}
