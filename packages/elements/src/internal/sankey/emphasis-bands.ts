import type { Emphasis } from './emphasis.js';
import { bandPath, type SankeyLayout } from './layout.js';

/** A highlighted share of a link: a sub-band along its top edge. */
export interface LinkBand {
  /** Index into the layout's links. */
  link: number;
  path: string;
  width: number;
}

/** A highlighted share of a node: a block where the emphasised items enter (or leave) it. */
export interface NodeBlock {
  /** Index into the layout's nodes. */
  node: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Fractions at or above this draw the whole mark as emphasised. */
export const FULL = 0.999;

/**
 * Where an emphasis is drawn, as the paper's path highlighting draws it: a link whose
 * items are partly emphasised gets a sub-band of proportional width along its top edge
 * (so one highlighted item out of 40 is a thin line, not a fully lit band), and a node gets
 * a block of the same width exactly where each such sub-band joins it — at the incoming
 * links for later stages, at the outgoing links for the first — never a block pinned to
 * the node's top. A node with no drawn links gets one block of its emphasised share.
 */
export function emphasisBands(L: SankeyLayout, E: Emphasis): { links: LinkBand[]; nodes: NodeBlock[] } {
  const links: LinkBand[] = [];
  const nodes: NodeBlock[] = [];
  const hasIn = new Uint8Array(L.nodes.length);
  const hasOut = new Uint8Array(L.nodes.length);
  for (const l of L.links) {
    hasIn[l.t] = 1;
    hasOut[l.s] = 1;
  }
  L.links.forEach((l, k) => {
    const f = E.links[l.index];
    if (!(f > 0)) return;
    const w = l.width * Math.min(1, f);
    const top0 = l.y0 - l.width / 2;
    const top1 = l.y1 - l.width / 2;
    if (f < FULL) {
      links.push({
        link: k,
        path: bandPath(L.nodes[l.s].x1, top0 + w / 2, L.nodes[l.t].x0, top1 + w / 2),
        width: Math.max(1, w),
      });
    }
    // A block at the target where the items enter; at the source only for nodes with no in-links.
    const t = L.nodes[l.t];
    if (E.nodes[t.index] < FULL)
      nodes.push({ node: l.t, x: t.x0, y: top1, width: t.x1 - t.x0, height: Math.max(1, w) });
    const s = L.nodes[l.s];
    if (!hasIn[l.s] && E.nodes[s.index] < FULL) {
      nodes.push({ node: l.s, x: s.x0, y: top0, width: s.x1 - s.x0, height: Math.max(1, w) });
    }
  });
  L.nodes.forEach((d, k) => {
    const f = E.nodes[d.index];
    if (f > 0 && f < FULL && !hasIn[k] && !hasOut[k]) {
      nodes.push({ node: k, x: d.x0, y: d.y0, width: d.x1 - d.x0, height: Math.max(1, (d.y1 - d.y0) * f) });
    }
  });
  return { links, nodes };
}
