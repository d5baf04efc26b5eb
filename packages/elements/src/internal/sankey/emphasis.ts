import type { FlowGraph } from '@classlens/core';

/** How much of each node and link is emphasised, as a fraction of its items in [0, 1]. */
export interface Emphasis {
  nodes: Float64Array;
  links: Float64Array;
  /** The emphasised items, when the emphasis came from an item set (for colour splits). */
  mask?: Uint8Array;
}

/**
 * Emphasis of an item set: for every node and link, the share of its items that are in
 * `mask`. Following items rather than links is what lets a hovered link light up its
 * whole path through every stage. O(total indices).
 */
export function emphasisFromItems(graph: FlowGraph, mask: Uint8Array): Emphasis {
  const share = (ix: Uint32Array) => {
    if (ix.length === 0) return 0;
    let c = 0;
    for (let k = 0; k < ix.length; k++) c += mask[ix[k]];
    return c / ix.length;
  };
  return {
    nodes: Float64Array.from(graph.nodes, (d) => share(d.indices)),
    links: Float64Array.from(graph.links, (l) => share(l.indices)),
    mask,
  };
}

/**
 * Emphasis by graph structure, for graphs supplied without item indices: the mark, every
 * link upstream of its source and downstream of its target, at full strength.
 */
export function emphasisFromPath(graph: FlowGraph, kind: 'node' | 'link', index: number): Emphasis {
  const nodes = new Float64Array(graph.nodes.length);
  const links = new Float64Array(graph.links.length);
  const id = new Map(graph.nodes.map((d, i) => [d.id, i]));
  const outL: number[][] = graph.nodes.map(() => []);
  const inL: number[][] = graph.nodes.map(() => []);
  graph.links.forEach((l, k) => {
    outL[id.get(l.source) as number].push(k);
    inL[id.get(l.target) as number].push(k);
  });
  const walk = (start: number, dir: 'up' | 'down') => {
    const stack = [start];
    while (stack.length) {
      const v = stack.pop() as number;
      nodes[v] = 1;
      for (const k of dir === 'down' ? outL[v] : inL[v]) {
        if (links[k] === 1 && nodes[id.get(dir === 'down' ? graph.links[k].target : graph.links[k].source) as number])
          continue;
        links[k] = 1;
        stack.push(id.get(dir === 'down' ? graph.links[k].target : graph.links[k].source) as number);
      }
    }
  };
  if (kind === 'node') {
    walk(index, 'up');
    walk(index, 'down');
  } else {
    links[index] = 1;
    walk(id.get(graph.links[index].source) as number, 'up');
    walk(id.get(graph.links[index].target) as number, 'down');
  }
  return { nodes, links };
}
