import type { SankeyLayout } from './layout.js';

/** A focusable mark: a node or link index into the layout. */
export interface MarkRef {
  kind: 'node' | 'link';
  index: number;
}

/**
 * Keyboard columns: nodes of stage 0, links from stage 0, nodes of stage 1, … — each
 * sorted top to bottom. Up/Down move within a column, Left/Right to the neighbouring
 * column (the mark nearest in height), so the whole chart is reachable from one tab stop.
 */
export function navigationColumns(layout: SankeyLayout): MarkRef[][] {
  const S = layout.stageX.length;
  const cols: { ref: MarkRef; y: number }[][] = Array.from({ length: Math.max(1, 2 * S - 1) }, () => []);
  layout.nodes.forEach((d, index) =>
    cols[2 * d.node.stage]?.push({ ref: { kind: 'node', index }, y: (d.y0 + d.y1) / 2 }),
  );
  layout.links.forEach((l, index) => {
    const stage = layout.nodes[l.s].node.stage;
    cols[2 * stage + 1]?.push({ ref: { kind: 'link', index }, y: (l.y0 + l.y1) / 2 });
  });
  return cols.map((c) => c.sort((a, b) => a.y - b.y).map((e) => e.ref)).filter((c) => c.length > 0);
}

/** Vertical centre of a mark. */
export function markY(layout: SankeyLayout, ref: MarkRef): number {
  if (ref.kind === 'node') {
    const d = layout.nodes[ref.index];
    return (d.y0 + d.y1) / 2;
  }
  const l = layout.links[ref.index];
  return (l.y0 + l.y1) / 2;
}

/** The mark reached from `at` by an arrow key, or `at` itself at an edge. */
export function moveFocus(layout: SankeyLayout, cols: MarkRef[][], at: MarkRef | null, key: string): MarkRef | null {
  if (cols.length === 0) return null;
  if (!at) return cols[0][0];
  const c = cols.findIndex((col) => col.some((r) => r.kind === at.kind && r.index === at.index));
  if (c < 0) return cols[0][0];
  const r = cols[c].findIndex((x) => x.kind === at.kind && x.index === at.index);
  switch (key) {
    case 'ArrowUp':
      return cols[c][Math.max(0, r - 1)];
    case 'ArrowDown':
      return cols[c][Math.min(cols[c].length - 1, r + 1)];
    case 'Home':
      return cols[c][0];
    case 'End':
      return cols[c][cols[c].length - 1];
    case 'ArrowLeft':
    case 'ArrowRight': {
      const nc = c + (key === 'ArrowLeft' ? -1 : 1);
      if (nc < 0 || nc >= cols.length) return at;
      const y = markY(layout, at);
      let best = cols[nc][0];
      for (const m of cols[nc]) if (Math.abs(markY(layout, m) - y) < Math.abs(markY(layout, best) - y)) best = m;
      return best;
    }
    default:
      return at;
  }
}
