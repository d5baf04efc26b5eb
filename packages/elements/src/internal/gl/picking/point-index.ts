import type { Transform } from '../types.js';

/**
 * A uniform-grid spatial index over points (data coordinates), for hover, click and
 * brush on 10⁶ points without reading pixels back. Built in O(n) with a counting sort
 * (about two points per cell); queries visit only the cells they overlap.
 * Non-finite points are left out.
 */
export class PointIndex {
  readonly count: number;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly gw: number;
  private readonly gh: number;
  /** Point indices grouped by grid cell; cell c holds `items[offsets[c] … offsets[c+1])`. */
  private readonly offsets: Uint32Array;
  private readonly items: Uint32Array;

  constructor(
    private readonly positions: Float32Array | Float64Array,
    count = positions.length >> 1,
  ) {
    this.count = count;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let finite = 0;
    for (let k = 0; k < count; k++) {
      const x = positions[2 * k];
      const y = positions[2 * k + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      finite++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (finite === 0) x0 = y0 = x1 = y1 = 0;
    const w = Math.max(x1 - x0, 1e-12);
    const h = Math.max(y1 - y0, 1e-12);
    const cells = Math.max(1, Math.min(1 << 22, Math.ceil(finite / 2)));
    const cell = Math.max(Math.sqrt((w * h) / cells), w / 4096, h / 4096, 1e-12);
    this.x0 = x0;
    this.y0 = y0;
    this.cell = cell;
    this.gw = Math.max(1, Math.floor(w / cell) + 1);
    this.gh = Math.max(1, Math.floor(h / cell) + 1);
    const of = new Uint32Array(this.gw * this.gh + 1);
    const at = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const c = this.cellOf(positions[2 * k], positions[2 * k + 1]);
      at[k] = c;
      if (c >= 0) of[c + 1]++;
    }
    for (let c = 0; c < this.gw * this.gh; c++) of[c + 1] += of[c];
    const fill = of.slice(0, -1);
    const items = new Uint32Array(of[of.length - 1]);
    for (let k = 0; k < count; k++) if (at[k] >= 0) items[fill[at[k]]++] = k;
    this.offsets = of;
    this.items = items;
  }

  private cellOf(x: number, y: number): number {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return -1;
    const gx = Math.min(this.gw - 1, Math.max(0, Math.floor((x - this.x0) / this.cell)));
    const gy = Math.min(this.gh - 1, Math.max(0, Math.floor((y - this.y0) / this.cell)));
    return gy * this.gw + gx;
  }

  private visit(x0: number, y0: number, x1: number, y1: number, fn: (k: number) => void): void {
    const gx0 = Math.max(0, Math.floor((Math.min(x0, x1) - this.x0) / this.cell));
    const gx1 = Math.min(this.gw - 1, Math.floor((Math.max(x0, x1) - this.x0) / this.cell));
    const gy0 = Math.max(0, Math.floor((Math.min(y0, y1) - this.y0) / this.cell));
    const gy1 = Math.min(this.gh - 1, Math.floor((Math.max(y0, y1) - this.y0) / this.cell));
    for (let gy = gy0; gy <= gy1; gy++) {
      for (let gx = gx0; gx <= gx1; gx++) {
        const c = gy * this.gw + gx;
        for (let q = this.offsets[c]; q < this.offsets[c + 1]; q++) fn(this.items[q]);
      }
    }
  }

  /**
   * The point nearest to CSS pixel `(X, Y)` under `t`, within `radius` CSS pixels
   * (distances measured on screen), or `-1`. Ties go to the later point (drawn on top).
   */
  nearest(t: Transform, X: number, Y: number, radius: number): number {
    const x = (X - t.tx) / t.sx;
    const y = (Y - t.ty) / t.sy;
    const rx = Math.abs(radius / t.sx);
    const ry = Math.abs(radius / t.sy);
    let best = -1;
    let bestD = radius * radius;
    const p = this.positions;
    this.visit(x - rx, y - ry, x + rx, y + ry, (k) => {
      const dx = (p[2 * k] - x) * t.sx;
      const dy = (p[2 * k + 1] - y) * t.sy;
      const d = dx * dx + dy * dy;
      if (d < bestD || (d === bestD && k > best)) {
        bestD = d;
        best = k;
      }
    });
    return best;
  }

  /** Indices of the points inside the data rectangle, ascending. */
  inRect(x0: number, y0: number, x1: number, y1: number): Uint32Array {
    const lx = Math.min(x0, x1);
    const hx = Math.max(x0, x1);
    const ly = Math.min(y0, y1);
    const hy = Math.max(y0, y1);
    const out: number[] = [];
    const p = this.positions;
    this.visit(lx, ly, hx, hy, (k) => {
      const x = p[2 * k];
      const y = p[2 * k + 1];
      if (x >= lx && x <= hx && y >= ly && y <= hy) out.push(k);
    });
    return Uint32Array.from(out).sort();
  }

  /** Indices of the points inside a polygon (data coordinates, `[x0, y0, x1, y1, …]`; even-odd rule), ascending. */
  inPolygon(polygon: ArrayLike<number>): Uint32Array {
    const n = polygon.length >> 1;
    if (n < 3) return new Uint32Array(0);
    let lx = Infinity;
    let ly = Infinity;
    let hx = -Infinity;
    let hy = -Infinity;
    for (let v = 0; v < n; v++) {
      lx = Math.min(lx, polygon[2 * v]);
      hx = Math.max(hx, polygon[2 * v]);
      ly = Math.min(ly, polygon[2 * v + 1]);
      hy = Math.max(hy, polygon[2 * v + 1]);
    }
    const out: number[] = [];
    const p = this.positions;
    this.visit(lx, ly, hx, hy, (k) => {
      const x = p[2 * k];
      const y = p[2 * k + 1];
      let inside = false;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const xi = polygon[2 * i];
        const yi = polygon[2 * i + 1];
        const xj = polygon[2 * j];
        const yj = polygon[2 * j + 1];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      if (inside) out.push(k);
    });
    return Uint32Array.from(out).sort();
  }
}
