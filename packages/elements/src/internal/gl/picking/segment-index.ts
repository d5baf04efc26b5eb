import type { LineLayer } from '../layers.js';
import type { Transform } from '../types.js';

/** A segment found by {@link SegmentIndex.nearest}. */
export interface SegmentHit {
  /** Segment index (into `layer.segments`). */
  segment: number;
  /** Polyline index. */
  line: number;
  /** Position along the segment in [0, 1]. */
  t: number;
  /** Distance in CSS pixels. */
  distance: number;
}

/**
 * A uniform-grid index over the segments of a {@link LineLayer}: each segment is listed
 * in every grid cell its bounding box overlaps (the cell is sized from the segments'
 * mean extent, so a typical segment lands in a few cells). Finds the segment nearest to
 * the pointer without reading pixels back.
 */
export class SegmentIndex {
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly gw: number;
  private readonly gh: number;
  private readonly offsets: Uint32Array;
  private readonly items: Uint32Array;

  constructor(private readonly layer: LineLayer) {
    const s = layer.segments;
    const n = s.length >> 2;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let extent = 0;
    for (let k = 0; k < n; k++) {
      const ax = s[4 * k];
      const ay = s[4 * k + 1];
      const bx = s[4 * k + 2];
      const by = s[4 * k + 3];
      x0 = Math.min(x0, ax, bx);
      x1 = Math.max(x1, ax, bx);
      y0 = Math.min(y0, ay, by);
      y1 = Math.max(y1, ay, by);
      extent += Math.abs(bx - ax) + Math.abs(by - ay);
    }
    if (n === 0 || !Number.isFinite(x0 + x1 + y0 + y1)) x0 = y0 = x1 = y1 = 0;
    const w = Math.max(x1 - x0, 1e-12);
    const h = Math.max(y1 - y0, 1e-12);
    const byCount = Math.sqrt((w * h) / Math.max(1, n));
    const cell = Math.max(n ? extent / n / 2 : 1, byCount, w / 2048, h / 2048, 1e-12);
    this.x0 = x0;
    this.y0 = y0;
    this.cell = cell;
    this.gw = Math.floor(w / cell) + 1;
    this.gh = Math.floor(h / cell) + 1;
    const cells = this.gw * this.gh;
    const of = new Uint32Array(cells + 1);
    const each = (k: number, fn: (c: number) => void) => {
      const [gx0, gx1, gy0, gy1] = this.span(
        Math.min(s[4 * k], s[4 * k + 2]),
        Math.min(s[4 * k + 1], s[4 * k + 3]),
        Math.max(s[4 * k], s[4 * k + 2]),
        Math.max(s[4 * k + 1], s[4 * k + 3]),
      );
      for (let gy = gy0; gy <= gy1; gy++) for (let gx = gx0; gx <= gx1; gx++) fn(gy * this.gw + gx);
    };
    for (let k = 0; k < n; k++) {
      if (Number.isFinite(s[4 * k] + s[4 * k + 1] + s[4 * k + 2] + s[4 * k + 3])) each(k, (c) => of[c + 1]++);
    }
    for (let c = 0; c < cells; c++) of[c + 1] += of[c];
    const fill = of.slice(0, -1);
    const items = new Uint32Array(of[cells]);
    for (let k = 0; k < n; k++) {
      if (Number.isFinite(s[4 * k] + s[4 * k + 1] + s[4 * k + 2] + s[4 * k + 3]))
        each(k, (c) => (items[fill[c]++] = k));
    }
    this.offsets = of;
    this.items = items;
  }

  private span(lx: number, ly: number, hx: number, hy: number): [number, number, number, number] {
    return [
      Math.max(0, Math.floor((lx - this.x0) / this.cell)),
      Math.min(this.gw - 1, Math.floor((hx - this.x0) / this.cell)),
      Math.max(0, Math.floor((ly - this.y0) / this.cell)),
      Math.min(this.gh - 1, Math.floor((hy - this.y0) / this.cell)),
    ];
  }

  /** The segment nearest to CSS pixel `(X, Y)` within `radius` CSS pixels, or `null`. */
  nearest(t: Transform, X: number, Y: number, radius: number): SegmentHit | null {
    const x = (X - t.tx) / t.sx;
    const y = (Y - t.ty) / t.sy;
    const rx = Math.abs(radius / t.sx);
    const ry = Math.abs(radius / t.sy);
    const [gx0, gx1, gy0, gy1] = this.span(x - rx, y - ry, x + rx, y + ry);
    const s = this.layer.segments;
    let best: SegmentHit | null = null;
    for (let gy = gy0; gy <= gy1; gy++) {
      for (let gx = gx0; gx <= gx1; gx++) {
        const c = gy * this.gw + gx;
        for (let q = this.offsets[c]; q < this.offsets[c + 1]; q++) {
          const k = this.items[q];
          // On screen: the transform may scale the axes differently.
          const ax = s[4 * k] * t.sx + t.tx;
          const ay = s[4 * k + 1] * t.sy + t.ty;
          const dx = s[4 * k + 2] * t.sx + t.tx - ax;
          const dy = s[4 * k + 3] * t.sy + t.ty - ay;
          const len2 = dx * dx + dy * dy;
          const u = len2 > 0 ? Math.min(1, Math.max(0, ((X - ax) * dx + (Y - ay) * dy) / len2)) : 0;
          const d = Math.hypot(ax + u * dx - X, ay + u * dy - Y);
          if (d <= radius && (!best || d < best.distance || (d === best.distance && k > best.segment))) {
            best = { segment: k, line: this.layer.segmentLine[k], t: u, distance: d };
          }
        }
      }
    }
    return best;
  }
}
