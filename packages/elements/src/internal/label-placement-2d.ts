/**
 * Greedy collision removal for point labels in a plane (word labels on a scatter plot):
 * labels are taken in order of priority; each tries a few positions around its point
 * (right, left, above, below — the first that fits wins) and is kept only if its box
 * stays inside the bounds and overlaps no box placed before. Labels that find no place
 * are dropped, never drawn on top of another. Boxes of points to keep clear (`obstacles`)
 * can be given too. This is the standard greedy algorithm for map labelling (Christensen,
 * Marks & Shieber 1995, "An empirical study of algorithms for point-feature label
 * placement", ACM TOG 14(3)): not optimal, but O(n · k) with a grid and stable — a label
 * of higher priority never loses its place to a lower one.
 */

/** One label to place, in pixels. */
export interface Label2dRequest {
  /** The point it names. */
  x: number;
  y: number;
  /** Its box. */
  width: number;
  height: number;
  /** Higher is placed first. */
  priority: number;
}

/** Where a label went: its box (top-left corner) and which side of its point, or `null` when dropped. */
export interface Label2dSlot {
  x: number;
  y: number;
  side: 'right' | 'left' | 'above' | 'below';
}

/** Options of {@link placeLabels2d}. */
export interface Label2dOptions {
  /** Distance between the point and its label's box (default 4). */
  offset?: number;
  /** Space kept between boxes (default 1). */
  gap?: number;
  /** Boxes `[x, y, width, height]` no label may cover (e.g. the emphasised points). */
  obstacles?: readonly (readonly [number, number, number, number])[];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Places labels inside `[x0, x1] × [y0, y1]`; returns one slot (or `null`) per request, in input order. */
export function placeLabels2d(
  requests: readonly Label2dRequest[],
  bounds: Box,
  options: Label2dOptions = {},
): (Label2dSlot | null)[] {
  const offset = options.offset ?? 4;
  const gap = options.gap ?? 1;
  const out: (Label2dSlot | null)[] = requests.map(() => null);
  if (requests.length === 0) return out;
  const maxH = Math.max(8, ...requests.map((r) => r.height));
  const cell = Math.max(16, maxH * 2);
  const grid = new Map<number, Box[]>();
  const cols = Math.max(1, Math.ceil((bounds.x1 - bounds.x0) / cell) + 1);
  const key = (gx: number, gy: number) => gy * cols + gx;
  const cellsOf = (b: Box, f: (k: number) => boolean | void): boolean => {
    const gx0 = Math.max(0, Math.floor((b.x0 - bounds.x0) / cell));
    const gx1 = Math.max(0, Math.floor((b.x1 - bounds.x0) / cell));
    const gy0 = Math.max(0, Math.floor((b.y0 - bounds.y0) / cell));
    const gy1 = Math.max(0, Math.floor((b.y1 - bounds.y0) / cell));
    for (let gy = gy0; gy <= gy1; gy++) for (let gx = gx0; gx <= gx1; gx++) if (f(key(gx, gy))) return true;
    return false;
  };
  const add = (b: Box) =>
    cellsOf(b, (k) => {
      let list = grid.get(k);
      if (!list) grid.set(k, (list = []));
      list.push(b);
    });
  const hits = (b: Box) =>
    cellsOf(b, (k) =>
      (grid.get(k) ?? []).some((o) => b.x0 < o.x1 + gap && o.x0 < b.x1 + gap && b.y0 < o.y1 + gap && o.y0 < b.y1 + gap),
    );
  for (const [x, y, w, h] of options.obstacles ?? []) add({ x0: x, y0: y, x1: x + w, y1: y + h });
  const order = requests.map((_, i) => i).sort((a, b) => requests[b].priority - requests[a].priority || a - b);
  for (const i of order) {
    const r = requests[i];
    if (!Number.isFinite(r.x) || !Number.isFinite(r.y)) continue;
    const candidates: [Label2dSlot['side'], number, number][] = [
      ['right', r.x + offset, r.y - r.height / 2],
      ['left', r.x - offset - r.width, r.y - r.height / 2],
      ['above', r.x - r.width / 2, r.y - offset - r.height],
      ['below', r.x - r.width / 2, r.y + offset],
    ];
    for (const [side, bx, by] of candidates) {
      const b = { x0: bx, y0: by, x1: bx + r.width, y1: by + r.height };
      if (b.x0 < bounds.x0 || b.y0 < bounds.y0 || b.x1 > bounds.x1 || b.y1 > bounds.y1) continue;
      if (hits(b)) continue;
      add(b);
      out[i] = { x: bx, y: by, side };
      break;
    }
  }
  return out;
}
