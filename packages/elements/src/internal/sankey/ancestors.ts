import type { FlowGraph } from '@classlens/core';

/**
 * For every node, the index of its first-stage ancestor (-1 when it has none): the
 * stage-0 node most of its items came from, or — for graphs without item indices — the
 * end of the chain of largest incoming links. Used to colour a hierarchy by its top-level
 * group. O(indices + nodes + links).
 */
export function topAncestors(g: FlowGraph): Int32Array {
  const n = g.nodes.length;
  const out = new Int32Array(n).fill(-1);
  const index = new Map(g.nodes.map((d, i) => [d.id, i]));
  let items = 0;
  for (const d of g.nodes) for (let k = 0; k < d.indices.length; k++) items = Math.max(items, d.indices[k] + 1);
  if (items > 0) {
    const root = new Int32Array(items).fill(-1);
    g.nodes.forEach((d, i) => {
      if (d.stage !== 0) return;
      for (let k = 0; k < d.indices.length; k++) root[d.indices[k]] = i;
    });
    g.nodes.forEach((d, i) => {
      if (d.stage === 0) {
        out[i] = i;
        return;
      }
      const votes = new Map<number, number>();
      for (let k = 0; k < d.indices.length; k++) {
        const r = root[d.indices[k]];
        if (r >= 0) votes.set(r, (votes.get(r) ?? 0) + 1);
      }
      let best = -1;
      let bestVotes = 0;
      for (const [r, v] of votes) if (v > bestVotes || (v === bestVotes && r < best)) [best, bestVotes] = [r, v];
      out[i] = best;
    });
    return out;
  }
  // No indices: follow the largest incoming link up to stage 0.
  const parent = new Int32Array(n).fill(-1);
  const parentValue = new Float64Array(n);
  for (const l of g.links) {
    const s = index.get(l.source) as number;
    const t = index.get(l.target) as number;
    if (l.value > parentValue[t]) {
      parentValue[t] = l.value;
      parent[t] = s;
    }
  }
  for (let i = 0; i < n; i++) {
    let v = i;
    for (let steps = 0; steps <= n && parent[v] >= 0 && g.nodes[v].stage > 0; steps++) v = parent[v];
    out[i] = g.nodes[v].stage === 0 ? v : -1;
  }
  return out;
}
