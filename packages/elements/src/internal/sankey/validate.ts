import { ClasslensError, type FlowGraphInput } from '@classlens/core';

/** Most stages (columns) a Sankey draws; more would leave columns under a pixel wide. */
export const MAX_STAGES = 64;
/** Largest item index a graph link may name (Uint32 indices, a mask per item). */
export const MAX_ITEMS = 2 ** 28;

const name = (l: { source: unknown; target: unknown }) =>
  `link ${JSON.stringify(String(l.source))} → ${JSON.stringify(String(l.target))}`;

/**
 * What a drawable precomputed graph needs beyond core's `checkFlowGraph` (ids, cycles,
 * values), checked first and in O(V + E + indices) so hostile input fails fast with a code
 * instead of hanging, overflowing the stack or allocating gigabytes:
 *
 * - given stages are integers in [0, {@link MAX_STAGES});
 * - every link goes to a later stage (a link inside one stage, or backwards, cannot be
 *   drawn left to right);
 * - `indices`, when given, are integers in [0, {@link MAX_ITEMS}) and there are exactly
 *   `value` of them (the items of the link);
 * - `stageNames`, when given, has one name per stage.
 */
export function checkDrawableGraph(graph: FlowGraphInput): void {
  if (graph == null || !Array.isArray(graph.nodes) || !Array.isArray(graph.links)) {
    throw new ClasslensError('INVALID_ARGUMENT', 'graph: expected { nodes: [], links: [] }');
  }
  const stageOf = new Map<string, number>();
  let S = 0;
  graph.nodes.forEach((d, i) => {
    const st = (d as { stage?: unknown } | null)?.stage;
    if (st === undefined || d == null) return;
    if (typeof st !== 'number' || !Number.isInteger(st) || st < 0 || st >= MAX_STAGES) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `graph: node ${JSON.stringify(String(d.id ?? i))} has stage ${String(st)}; stages are integers from 0 to ${MAX_STAGES - 1}`,
      );
    }
    stageOf.set(String(d.id), st);
    S = Math.max(S, st + 1);
  });
  graph.links.forEach((l) => {
    if (l == null) return; // core names it
    const s = stageOf.get(String(l.source));
    const t = stageOf.get(String(l.target));
    if (s !== undefined && t !== undefined && t <= s) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        t === s
          ? `graph: ${name(l)} joins two nodes of stage ${s}; links go from one stage to a later one`
          : `graph: ${name(l)} goes back from stage ${s} to stage ${t}; links go from one stage to a later one`,
      );
    }
    const ix = l.indices;
    if (ix == null) return;
    if (typeof ix.length !== 'number')
      throw new ClasslensError('INVALID_ARGUMENT', `graph: ${name(l)} has indices that are not an array`);
    if (typeof l.value === 'number' && ix.length !== l.value) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `graph: ${name(l)} has value ${l.value} but ${ix.length} item ${ix.length === 1 ? 'index' : 'indices'}`,
      );
    }
    for (let k = 0; k < ix.length; k++) {
      const v = ix[k];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= MAX_ITEMS) {
        throw new ClasslensError('INVALID_ARGUMENT', `graph: ${name(l)} has item index ${String(v)} at position ${k}`);
      }
    }
  });
  if (graph.stageNames != null) {
    if (!Array.isArray(graph.stageNames))
      throw new ClasslensError('INVALID_ARGUMENT', 'graph: stageNames must be an array of strings');
    if (S > 0 && graph.stageNames.length !== S) {
      throw new ClasslensError('INVALID_ARGUMENT', `graph: ${graph.stageNames.length} stage names for ${S} stages`);
    }
  }
}

/** Items a graph's indices refer to: the largest index + 1 (0 without indices). */
export function itemCount(graph: {
  links: readonly { indices: ArrayLike<number> }[];
  nodes: readonly { indices: ArrayLike<number> }[];
}): number {
  let max = -1;
  for (const list of [graph.links, graph.nodes]) {
    for (const l of list) {
      const ix = l.indices;
      for (let k = 0; k < ix.length; k++) if (ix[k] > max) max = ix[k];
    }
  }
  return max + 1;
}
