import type { Rect, Rgba, Transform } from './types.js';

/**
 * What a GL controller draws in one frame: the plot's size, its background, the view
 * transform and the layers, bottom to top. Layers are long-lived objects updated in place
 * (their data versions tell the WebGL renderer which buffers and textures to re-upload);
 * a new scene object per frame is cheap.
 */
export interface GlScene {
  /** Plot size in CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel (default `devicePixelRatio`, capped so a side stays ≤ 4096). */
  pixelRatio?: number;
  /** Opaque background colour. */
  background: Rgba;
  /** Data → CSS pixels. */
  transform: Transform;
  layers: readonly GlLayer[];
}

/** Any layer. */
export type GlLayer = CellLayer | PointLayer | LineLayer;

/** The biggest cell index: 0 means "no data", 1 … 255 are value bins. */
export const CELL_LEVELS = 255;

/**
 * An image of cells (a matrix: heatmap, confusion matrix, weights). Each cell holds a byte:
 * 0 means no data (NaN), 1 … 255 are value bins in increasing order of value (see
 * `quantize`). A 256-entry colour table (`lut`) turns bytes into colours, so colour scale,
 * domain, cut-off fading and theme changes re-upload 1 KiB, never the cells.
 *
 * Cell (i, j) covers `[x0 + j·w, x0 + (j+1)·w) × [y0 + i·h, y0 + (i+1)·h)` of `rect`, with
 * `w = (x1 − x0) / cols`, `h = (y1 − y0) / rows`.
 *
 * Drawing rule, the same in both renderers (see `cell-ranges.ts`): where a device pixel
 * is larger than a cell, it shows the largest byte of the cells it overlaps ("visual
 * boosting", so one-cell-wide blocks stay visible); where it is smaller, the cell under
 * its centre.
 */
export class CellLayer {
  readonly kind = 'cells';
  rows = 0;
  cols = 0;
  /** Row-major bytes, `rows × cols`. */
  cells: Uint8Array = new Uint8Array(0);
  /** 256 RGBA colours (opaque; alpha is ignored). */
  lut: Uint8Array = new Uint8Array(256 * 4);
  /** Where the matrix lies, in data coordinates (default: one unit per cell). */
  rect: Rect = { x0: 0, y0: 0, x1: 0, y1: 0 };
  /** Bumped by {@link setCells}; renderers re-upload when it changes. */
  version = 0;
  /** Bumped by {@link setLut}. */
  lutVersion = 0;
  /** Reduced copies for zoomed-out views (see `cellLevel`), dropped when the cells change. */
  levels = new Map<string, Uint8Array>();

  /**
   * One frame's pixels made before the cells (bytes per device pixel, see `cellMaxima`),
   * for the geometry named by `key` (`cellPreviewKey`): the CPU raster draws a frame of
   * that geometry from them without reading the cells. Dropped when the cells change.
   */
  preview: CellPreview | null = null;
  private fill: ((row0: number, row1: number) => void) | null = null;
  /** Rows `[0, filled)` of {@link cells} are made (all of them unless {@link setLazyCells}). */
  private filled = 0;

  /** Replaces the cells (the array is kept, not copied: do not mutate it afterwards). */
  setCells(rows: number, cols: number, cells: Uint8Array, rect?: Rect): this {
    if (cells.length !== rows * cols) throw new RangeError(`cells: ${cells.length} bytes for ${rows} × ${cols}`);
    this.rows = rows;
    this.cols = cols;
    this.cells = cells;
    this.rect = rect ?? { x0: 0, y0: 0, x1: cols, y1: rows };
    this.levels.clear();
    this.preview = null;
    this.fill = null;
    this.filled = rows;
    this.version++;
    return this;
  }

  /**
   * Replaces the cells with `cells`, whose rows `fill(row0, row1)` writes later: in
   * chunks ({@link fillSome}, e.g. after the first frame) or all at once when something
   * reads them ({@link ensureCells}; every reader of {@link cells} in the GL layer calls it).
   */
  setLazyCells(
    rows: number,
    cols: number,
    cells: Uint8Array,
    fill: (row0: number, row1: number) => void,
    rect?: Rect,
  ): this {
    this.setCells(rows, cols, cells, rect);
    this.fill = fill;
    this.filled = 0;
    return this;
  }

  /** Whether every row of {@link cells} is made. */
  get cellsReady(): boolean {
    return this.fill === null;
  }

  /** Makes the rows of {@link cells} not made yet. */
  ensureCells(): void {
    const f = this.fill;
    if (!f) return;
    this.fill = null;
    f(this.filled, this.rows);
    this.filled = this.rows;
  }

  /**
   * Makes rows of {@link cells} until `deadline` (a `performance.now()` time) passes, in
   * chunks of about `chunk` cells. Returns whether all are made.
   */
  fillSome(deadline: number, chunk = 1 << 20): boolean {
    const f = this.fill;
    if (!f) return true;
    const step = Math.max(1, Math.floor(chunk / Math.max(1, this.cols)));
    while (this.filled < this.rows && performance.now() < deadline) {
      const end = Math.min(this.rows, this.filled + step);
      f(this.filled, end);
      this.filled = end;
    }
    if (this.filled >= this.rows) this.fill = null;
    return this.fill === null;
  }

  /** Replaces the colour table (256 × RGBA). */
  setLut(lut: Uint8Array): this {
    if (lut.length !== 1024) throw new RangeError(`lut: ${lut.length} bytes, expected 1024`);
    this.lut = lut;
    this.lutVersion++;
    return this;
  }
}

/** A frame of a cell layer made before its cells: a byte per device pixel (see {@link CellLayer.preview}). */
export interface CellPreview {
  /** The geometry it was made for (`cellPreviewKey`). */
  key: string;
  /** `width × height` bytes (0: no data); pixels outside the matrix are ignored. */
  bytes: Uint8Array;
}

/** Point shapes: squares, or discs cut from them at each pixel centre. */
export type PointShape = 'square' | 'circle';

/**
 * Points (scatter plots, projections): positions in data coordinates, one colour each or
 * one for all, a size in CSS pixels. Drawn in index order with source-over blending.
 * A point covers the device pixels whose centres lie in its square of side
 * `size · pixelRatio` (and, for `circle`, in the inscribed disc).
 */
export class PointLayer {
  readonly kind = 'points';
  count = 0;
  /** `x0, y0, x1, y1, …` (data coordinates). */
  positions: Float32Array = new Float32Array(0);
  /** RGBA bytes per point, or `null` for {@link color}. */
  colors: Uint8Array | null = null;
  /** Colour of every point when {@link colors} is `null`. */
  color: Rgba = [0, 0, 0, 255];
  /** Side (square) or diameter (circle) in CSS pixels. */
  size = 3;
  shape: PointShape = 'circle';
  version = 0;
  colorVersion = 0;

  /** Replaces positions (and colours); arrays are kept, not copied. */
  setPoints(positions: Float32Array, colors: Uint8Array | null = null): this {
    const n = positions.length >> 1;
    if (colors && colors.length !== n * 4) throw new RangeError(`colors: ${colors.length} bytes for ${n} points`);
    this.count = n;
    this.positions = positions;
    this.colors = colors;
    this.version++;
    this.colorVersion++;
    return this;
  }

  /** Replaces the colours only (e.g. highlight, selection). */
  setColors(colors: Uint8Array | null): this {
    if (colors && colors.length !== this.count * 4)
      throw new RangeError(`colors: ${colors.length} bytes for ${this.count} points`);
    this.colors = colors;
    this.colorVersion++;
    return this;
  }
}

/**
 * Polylines (trajectories, dendrogram-like strokes): vertices in data coordinates, the
 * index of each polyline's first vertex, a colour per polyline (or one for all) and a
 * width in CSS pixels. Each segment is a rectangle `width` wide around it (butt ends),
 * covering the device pixels whose centres lie inside; segments are drawn in order with
 * source-over blending.
 */
export class LineLayer {
  readonly kind = 'lines';
  /** `x0, y0, x1, y1, …` (data coordinates). */
  positions: Float32Array = new Float32Array(0);
  /** First vertex of each polyline, increasing; a polyline ends where the next begins. */
  starts: Uint32Array = new Uint32Array(0);
  /** RGBA bytes per polyline, or `null` for {@link color}. */
  colors: Uint8Array | null = null;
  color: Rgba = [0, 0, 0, 255];
  /** Stroke width in CSS pixels. */
  width = 1;
  version = 0;
  colorVersion = 0;
  /** `ax, ay, bx, by` per segment and the polyline of each (built by {@link setLines}). */
  segments: Float32Array = new Float32Array(0);
  segmentLine: Uint32Array = new Uint32Array(0);

  /** Replaces the polylines; arrays are kept, not copied. */
  setLines(positions: Float32Array, starts: Uint32Array, colors: Uint8Array | null = null): this {
    const nv = positions.length >> 1;
    const nl = starts.length;
    if (colors && colors.length !== nl * 4) throw new RangeError(`colors: ${colors.length} bytes for ${nl} lines`);
    let segs = 0;
    for (let l = 0; l < nl; l++) {
      const a = starts[l];
      const b = l + 1 < nl ? starts[l + 1] : nv;
      if (a > b || b > nv) throw new RangeError(`starts: polyline ${l} spans ${a}…${b} of ${nv} vertices`);
      segs += Math.max(0, b - a - 1);
    }
    const s = new Float32Array(segs * 4);
    const line = new Uint32Array(segs);
    let k = 0;
    for (let l = 0; l < nl; l++) {
      const b = l + 1 < nl ? starts[l + 1] : nv;
      for (let v = starts[l]; v + 1 < b; v++, k++) {
        s[4 * k] = positions[2 * v];
        s[4 * k + 1] = positions[2 * v + 1];
        s[4 * k + 2] = positions[2 * v + 2];
        s[4 * k + 3] = positions[2 * v + 3];
        line[k] = l;
      }
    }
    this.positions = positions;
    this.starts = starts;
    this.colors = colors;
    this.segments = s;
    this.segmentLine = line;
    this.version++;
    this.colorVersion++;
    return this;
  }

  /** Replaces the colours only. */
  setColors(colors: Uint8Array | null): this {
    if (colors && colors.length !== this.starts.length * 4)
      throw new RangeError(`colors: ${colors.length} bytes for ${this.starts.length} lines`);
    this.colors = colors;
    this.colorVersion++;
    return this;
  }
}
