import { ClasslensError } from '../common/errors.js';
import type { Key } from '../common/keys.js';
import { describeValue } from '../common/internal/validate.js';
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
 * link), values are numbers (`NOT_A_NUMBER`: `'5'` is not 5), finite and > 0
 * (`NON_FINITE` / `INVALID_ARGUMENT` naming the link), and the graph is acyclic (`CYCLE`
 * naming a link on a cycle). A node's stage is its given `stage`, else its longest path
 * from a source. A given stage must be an integer in [0, max(V, stageNames.length)) —
 * a graph of V nodes never needs more stages (`INVALID_ARGUMENT` for a non-integer,
 * `TOO_LARGE` beyond, so that `stage: 1e9` never allocates a billion stage names). A
 * node's value is max(Σ in, Σ out), as d3-sankey computes it. Node ids are compared as
 * strings, through a Map (`"__proto__"` is an id like any other).
 *
 * O(V + E) in every case, a cycle included: Kahn's algorithm removes every node not on
 * or behind a cycle; each node left keeps one incoming link from another node left, and
 * following those links backwards from any of them meets a repeat — a cycle — within V
 * steps. So a cycle never hangs a layout.
 */
export function checkFlowGraph(graph: FlowGraphInput): FlowGraph {
  if (graph == null || !Array.isArray(graph.nodes) || !Array.isArray(graph.links)) {
    throw new ClasslensError('INVALID_ARGUMENT', 'graph: expected { nodes: [], links: [] }');
  }
  if (
    graph.stageNames != null &&
    (!Array.isArray(graph.stageNames) || graph.stageNames.some((d) => typeof d !== 'string'))
  ) {
    throw new ClasslensError('INVALID_ARGUMENT', 'graph: stageNames must be an array of strings');
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
    if (l == null || typeof l !== 'object') {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `graph: link ${k} is ${describeValue(l)}, expected { source, target, value }`,
        {
          link: k,
        },
      );
    }
    for (const end of ['source', 'target'] as const) {
      const v: unknown = l[end];
      if (typeof v !== 'string' && typeof v !== 'number') {
        throw new ClasslensError(
          'INVALID_ARGUMENT',
          `graph: link ${k} has ${end} ${describeValue(v)}, expected a node id`,
          {
            link: k,
          },
        );
      }
    }
    const s = index.get(String(l.source));
    const t = index.get(String(l.target));
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? l.source : l.target;
      throw new ClasslensError('MISSING_KEY', `graph: ${name} names missing node ${JSON.stringify(String(missing))}`, {
        link: k,
      });
    }
    if (typeof l.value !== 'number') {
      throw new ClasslensError(
        'NOT_A_NUMBER',
        `graph: ${name} has value ${describeValue(l.value)}, expected a number`,
        { link: k },
      );
    }
    if (!Number.isFinite(l.value)) {
      throw new ClasslensError('NON_FINITE', `graph: ${name} has value ${l.value}`, { link: k });
    }
    if (l.value <= 0) throw new ClasslensError('INVALID_ARGUMENT', `graph: ${name} has value ${l.value}, expected > 0`);
    if (s === t) throw new ClasslensError('CYCLE', `graph: ${name} links a node to itself`, { link: k });
    if (l.indices != null) checkIndices(l.indices, `graph: ${name}`, k);
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
    // Every node left has an incoming link from another node left (else Kahn's pass would
    // have removed it). Keep one such link per node (one pass over the links), then walk
    // backwards along them from any node left: within V steps a node repeats, and the
    // links walked since its first visit form a cycle.
    const back = new Int32Array(V).fill(-1);
    for (let k = 0; k < ends.length; k++) {
      const [s, t] = ends[k];
      if (remaining[s] > 0 && remaining[t] > 0 && back[t] < 0) back[t] = k;
    }
    let v = remaining.findIndex((r) => r > 0);
    const visited = new Uint8Array(V);
    while (!visited[v]) {
      visited[v] = 1;
      v = ends[back[v]][0];
    }
    // `v` is on the cycle; the link into it is too.
    const l = graph.links[back[v]];
    throw new ClasslensError(
      'CYCLE',
      `graph: link ${JSON.stringify(String(l.source))} → ${JSON.stringify(String(l.target))} is on a cycle`,
      { link: back[v] },
    );
  }

  const maxStages = Math.max(V, graph.stageNames?.length ?? 0);
  const nodes: FlowNode[] = graph.nodes.map((d, i) => {
    const stage = d.stage ?? depth[i];
    if (typeof stage !== 'number' || !Number.isInteger(stage) || stage < 0) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `graph: node ${JSON.stringify(String(d.id))} has stage ${describeValue(stage)}, expected an integer ≥ 0`,
      );
    }
    if (stage >= maxStages) {
      throw new ClasslensError(
        'TOO_LARGE',
        `graph: node ${JSON.stringify(String(d.id))} has stage ${stage}; a graph of ${V} nodes` +
          `${graph.stageNames ? ` and ${graph.stageNames.length} stage names` : ''} has at most ${maxStages} stages`,
        { stage, max: maxStages },
      );
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
  if (graph.stageNames && graph.stageNames.length < S) {
    throw new ClasslensError('INVALID_ARGUMENT', `graph: ${graph.stageNames.length} stageNames for ${S} stages`);
  }
  const stageNames = graph.stageNames ? [...graph.stageNames] : Array.from({ length: S }, (_, s) => `Stage ${s + 1}`);
  const total = links.reduce((a, l) => a + (nodes[index.get(l.source) as number].stage === 0 ? l.value : 0), 0);
  return { nodes, links, stageNames, total, kept: total, hiddenLinks: 0, hiddenItems: 0 };
}

/** Item indices of a link: an array of integers in [0, 2^32). */
function checkIndices(ix: unknown, name: string, link: number): void {
  if (typeof ix !== 'object' || ix === null || typeof (ix as ArrayLike<unknown>).length !== 'number') {
    throw new ClasslensError('INVALID_ARGUMENT', `${name} has indices ${describeValue(ix)}, expected an array`, {
      link,
    });
  }
  const a = ix as ArrayLike<unknown>;
  for (let q = 0; q < a.length; q++) {
    const i = a[q];
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= 2 ** 32) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `${name} has index ${describeValue(i)} at position ${q}, expected an integer item index ≥ 0`,
        { link, index: q },
      );
    }
  }
}
