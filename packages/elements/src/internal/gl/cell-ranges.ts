import type { CellLayer } from './layers.js';

/**
 * Where a device pixel is larger than a cell, it shows the largest byte among at most
 * this many cells per axis; beyond, it reads a copy of the matrix max-pooled by a power
 * of two (a "level") so that the per-pixel work stays bounded in both renderers.
 */
export const MAX_SPAN = 16;
/** Most cells one pixel reads per axis at its level (`MAX_SPAN` plus a partial cell). */
export const MAX_COUNT = MAX_SPAN + 1;

/**
 * For one axis of a cell layer and one frame: the level it reads and, for each device
 * pixel along the axis, the first cell (at that level) and how many it covers (0: the
 * pixel lies outside the matrix). Both renderers draw from these arrays, which is why
 * they draw the same picture.
 */
export interface AxisRanges {
  /** Pooling level: the axis reads cells max-pooled by `2^level`. */
  level: number;
  /** Cells along the axis at that level. */
  cells: number;
  start: Int32Array;
  count: Uint8Array;
}

/**
 * The cell ranges of `size` device pixels along an axis of `cells` cells whose first cell
 * edge lies at device coordinate `origin`, with `pxPerCell` device pixels per cell.
 *
 * - `pxPerCell ≥ 1` (magnified): the cell under the pixel centre.
 * - `pxPerCell < 1` (more cells than pixels): every cell the pixel overlaps, at the
 *   smallest level where that is at most {@link MAX_SPAN} (+1 partial) cells — the
 *   pixel shows their maximum (Blocks' "visual boosting", Alsallakh et al. 2018: a block
 *   one class wide stays visible among thousands).
 */
export function axisRanges(cells: number, origin: number, pxPerCell: number, size: number): AxisRanges {
  const start = new Int32Array(size);
  const count = new Uint8Array(size);
  if (!(cells > 0) || !(pxPerCell > 0) || !Number.isFinite(origin)) return { level: 0, cells, start, count };
  if (pxPerCell >= 1) {
    for (let X = 0; X < size; X++) {
      const c = Math.floor((X + 0.5 - origin) / pxPerCell);
      if (c >= 0 && c < cells) {
        start[X] = c;
        count[X] = 1;
      }
    }
    return { level: 0, cells, start, count };
  }
  let level = 0;
  while (1 / (pxPerCell * 2 ** level) > MAX_SPAN) level++;
  const p = pxPerCell * 2 ** level;
  const n = Math.ceil(cells / 2 ** level);
  const extent = cells / 2 ** level;
  for (let X = 0; X < size; X++) {
    const a = (X - origin) / p;
    const b = (X + 1 - origin) / p;
    if (b <= 0 || a >= extent) continue;
    const j0 = Math.max(0, Math.floor(a));
    const j1 = Math.min(n - 1, Math.ceil(b) - 1);
    if (j1 < j0) continue;
    start[X] = j0;
    count[X] = j1 - j0 + 1;
  }
  return { level, cells: n, start, count };
}

/**
 * The cells of `layer` max-pooled by `2^lx` along columns and `2^ly` along rows (level
 * 0, 0 is the layer's own array). Pooled copies are cached on the layer, the last three.
 */
export function cellLevel(layer: CellLayer, lx: number, ly: number): Uint8Array {
  layer.ensureCells();
  if (lx === 0 && ly === 0) return layer.cells;
  const key = `${lx},${ly}`;
  const hit = layer.levels.get(key);
  if (hit) {
    layer.levels.delete(key);
    layer.levels.set(key, hit);
    return hit;
  }
  const { rows, cols, cells } = layer;
  const fx = 2 ** lx;
  const fy = 2 ** ly;
  const cl = Math.ceil(cols / fx);
  const rl = Math.ceil(rows / fy);
  // Columns first (contiguous reads), then rows.
  const tmp = lx === 0 ? cells : new Uint8Array(rows * cl);
  if (lx > 0) {
    for (let i = 0; i < rows; i++) {
      const src = i * cols;
      const dst = i * cl;
      for (let J = 0; J < cl; J++) {
        let m = 0;
        const end = Math.min(cols, (J + 1) * fx);
        for (let j = J * fx; j < end; j++) {
          const v = cells[src + j];
          if (v > m) m = v;
        }
        tmp[dst + J] = m;
      }
    }
  }
  let out = tmp;
  if (ly > 0) {
    out = new Uint8Array(rl * cl);
    for (let I = 0; I < rl; I++) {
      const o = I * cl;
      const end = Math.min(rows, (I + 1) * fy);
      for (let i = I * fy; i < end; i++) {
        const r = i * cl;
        for (let J = 0; J < cl; J++) {
          const v = tmp[r + J];
          if (v > out[o + J]) out[o + J] = v;
        }
      }
    }
  }
  layer.levels.set(key, out);
  while (layer.levels.size > 3) layer.levels.delete(layer.levels.keys().next().value as string);
  return out;
}

/** Device-pixel geometry of a cell layer in a frame. */
export interface CellFrame {
  x: AxisRanges;
  y: AxisRanges;
  /** The level's cells (`y.cells × x.cells`). */
  data: Uint8Array;
}

/** Ranges of both axes and the level they read, for a layer drawn with the given device-pixel mapping. */
export function cellFrame(
  layer: CellLayer,
  originX: number,
  originY: number,
  pxPerCellX: number,
  pxPerCellY: number,
  width: number,
  height: number,
): CellFrame {
  const x = axisRanges(layer.cols, originX, pxPerCellX, width);
  const y = axisRanges(layer.rows, originY, pxPerCellY, height);
  return { x, y, data: cellLevel(layer, x.level, y.level) };
}
