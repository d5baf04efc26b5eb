import { axisRanges, cellLevel, type AxisRanges, type CellFrame } from '../cell-ranges.js';
import type { CellLayer } from '../layers.js';
import type { Transform } from '../types.js';

/**
 * Device-pixel mapping of a cell layer: where cell (0, 0)'s corner lies and how many
 * device pixels one cell spans, per axis. Shared by both renderers.
 */
export function cellGeometry(layer: Pick<CellLayer, 'rect' | 'rows' | 'cols'>, t: Transform, ratio: number) {
  const r = layer.rect;
  const cw = (r.x1 - r.x0) / (layer.cols || 1);
  const ch = (r.y1 - r.y0) / (layer.rows || 1);
  return {
    originX: ratio * (t.sx * r.x0 + t.tx),
    originY: ratio * (t.sy * r.y0 + t.ty),
    pxX: ratio * t.sx * cw,
    pxY: ratio * t.sy * ch,
  };
}

/** The name of a frame geometry (a layer's {@link cellGeometry} at a device size), for {@link CellLayer.preview}. */
export function cellPreviewKey(g: ReturnType<typeof cellGeometry>, width: number, height: number): string {
  return `${g.originX}|${g.originY}|${g.pxX}|${g.pxY}|${width}x${height}`;
}

/** A frame from preview bytes (a byte per device pixel): what {@link fillCells} draws for the same geometry. */
function fillPreview(
  out: Uint32Array,
  width: number,
  x: AxisRanges,
  y: AxisRanges,
  bytes: Uint8Array,
  lut32: Uint32Array,
  bg: number,
): void {
  for (let Y = 0; Y < y.start.length; Y++) {
    const o = Y * width;
    if (!y.count[Y]) {
      out.fill(bg, o, o + width);
      continue;
    }
    for (let X = 0; X < width; X++) out[o + X] = x.count[X] ? lut32[bytes[o + X]] : bg;
  }
}

/**
 * Writes the cells of `frame` into `out` (a `width`-wide frame of packed RGBA words) over
 * device pixels `[X0, X1) × [Y0, Y1)`. Pixels outside the matrix get `bg`, or are left
 * alone when `bg` is `null`.
 *
 * Per pixel row, the maxima over its cell rows are gathered once per column, then each
 * pixel takes the maximum over its columns: O(visible cells + pixels × span). Rows that
 * read the same cell rows as the previous one are copied.
 */
export function fillCells(
  out: Uint32Array,
  width: number,
  frame: CellFrame,
  lut32: Uint32Array,
  bg: number | null,
  X0: number,
  X1: number,
  Y0: number,
  Y1: number,
): void {
  const { x, y, data } = frame;
  const cols = x.cells;
  // Column span read by [X0, X1).
  let first = -1;
  let last = -1;
  for (let X = X0; X < X1; X++) {
    if (x.count[X]) {
      if (first < 0) first = X;
      last = X;
    }
  }
  const jmin = first < 0 ? 0 : x.start[first];
  const jmax = last < 0 ? -1 : x.start[last] + x.count[last] - 1;
  const span = jmax - jmin + 1;
  const colMax = new Uint8Array(Math.max(0, span));
  let prevY = -1;
  for (let Y = Y0; Y < Y1; Y++) {
    const o = Y * width;
    const c = y.count[Y];
    if (c === 0 || span <= 0) {
      if (bg !== null) out.fill(bg, o + X0, o + X1);
      prevY = -1;
      continue;
    }
    if (prevY >= 0 && y.start[Y] === y.start[prevY] && c === y.count[prevY]) {
      out.copyWithin(o + X0, prevY * width + X0, prevY * width + X1);
      prevY = Y;
      continue;
    }
    colMax.fill(0);
    const i0 = y.start[Y];
    for (let i = i0; i < i0 + c; i++) {
      const base = i * cols + jmin;
      for (let j = 0; j < span; j++) {
        const v = data[base + j];
        if (v > colMax[j]) colMax[j] = v;
      }
    }
    for (let X = X0; X < X1; X++) {
      const n = x.count[X];
      if (n === 0) {
        if (bg !== null) out[o + X] = bg;
        continue;
      }
      const s = x.start[X] - jmin;
      let m = colMax[s];
      for (let k = 1; k < n; k++) if (colMax[s + k] > m) m = colMax[s + k];
      out[o + X] = lut32[m];
    }
    prevY = Y;
  }
}

function sameShifted(a: AxisRanges, b: AxisRanges, d: number): boolean {
  if (a.level !== b.level || a.cells !== b.cells) return false;
  const n = a.start.length;
  for (let X = Math.max(0, d); X < Math.min(n, n + d); X++) {
    if (a.count[X] !== b.count[X - d] || (a.count[X] && a.start[X] !== b.start[X - d])) return false;
  }
  return true;
}

/**
 * One cell layer's image at the size of the frame, cached between frames. A pan by whole
 * device pixels at the same zoom (same levels, same ranges shifted) moves the cached image
 * and computes only the strips that came into view; a colour-table change recolours
 * without re-reading the cells only when the cells are unchanged (a full pass otherwise).
 */
export class CellRaster {
  private frame: { x: AxisRanges; y: AxisRanges } | null = null;
  private key = '';
  private originX = 0;
  private originY = 0;
  private buf: Uint32Array = new Uint32Array(0);
  private spare: Uint32Array = new Uint32Array(0);
  /** Pixels computed by the last draw (a whole frame, or only the strips of a pan). */
  lastComputed = 0;
  /** Whether the last whole frame came from the layer's preview (not from its cells). */
  lastFromPreview = false;

  /**
   * The layer's pixels in a `width × height` frame (packed RGBA words), outside the matrix
   * `bg`. A whole frame of the geometry the layer's {@link CellLayer.preview} was made for
   * is coloured from it, without reading (or waiting for) the cells.
   */
  draw(
    layer: CellLayer,
    t: Transform,
    ratio: number,
    width: number,
    height: number,
    bg: number,
    lut32: Uint32Array,
  ): Uint32Array {
    const g = cellGeometry(layer, t, ratio);
    const x = axisRanges(layer.cols, g.originX, g.pxX, width);
    const y = axisRanges(layer.rows, g.originY, g.pxY, height);
    const key = `${layer.version}|${layer.lutVersion}|${width}x${height}|${bg}|${g.pxX}|${g.pxY}`;
    const n = width * height;
    const prev = this.frame;
    let dx = Math.round(g.originX - this.originX);
    let dy = Math.round(g.originY - this.originY);
    const shift =
      prev !== null &&
      key === this.key &&
      Math.abs(dx) < width &&
      Math.abs(dy) < height &&
      sameShifted(x, prev.x, dx) &&
      sameShifted(y, prev.y, dy);
    const frame = (): CellFrame => ({ x, y, data: cellLevel(layer, x.level, y.level) });
    if (!shift) {
      dx = dy = 0;
      if (this.buf.length !== n) this.buf = new Uint32Array(n);
      const preview = layer.preview;
      this.lastFromPreview = preview !== null && preview.key === cellPreviewKey(g, width, height);
      if (this.lastFromPreview) fillPreview(this.buf, width, x, y, preview!.bytes, lut32, bg);
      else fillCells(this.buf, width, frame(), lut32, bg, 0, width, 0, height);
      this.lastComputed = n;
    } else if (dx !== 0 || dy !== 0) {
      const f = frame();
      if (this.spare.length !== n) this.spare = new Uint32Array(n);
      const src = this.buf;
      const dst = this.spare;
      const sx0 = Math.max(0, -dx);
      const sx1 = Math.min(width, width - dx);
      for (let Y = Math.max(0, dy); Y < Math.min(height, height + dy); Y++) {
        const s = (Y - dy) * width;
        dst.set(src.subarray(s + sx0, s + sx1), Y * width + sx0 + dx);
      }
      // Strips that came into view: rows above/below, then columns left/right.
      const ry0 = dy > 0 ? 0 : height + dy;
      const ry1 = dy > 0 ? dy : height;
      if (dy !== 0) fillCells(dst, width, f, lut32, bg, 0, width, ry0, ry1);
      const y0 = Math.max(0, dy);
      const y1 = Math.min(height, height + dy);
      if (dx > 0) fillCells(dst, width, f, lut32, bg, 0, dx, y0, y1);
      else if (dx < 0) fillCells(dst, width, f, lut32, bg, width + dx, width, y0, y1);
      this.spare = src;
      this.buf = dst;
      this.lastComputed = Math.abs(dy) * width + Math.abs(dx) * (y1 - y0);
    } else this.lastComputed = 0;
    this.frame = { x, y };
    this.key = key;
    this.originX = g.originX;
    this.originY = g.originY;
    return this.buf;
  }

  /** Forgets the cached image (e.g. after a resize). */
  reset(): void {
    this.frame = null;
    this.key = '';
  }
}
