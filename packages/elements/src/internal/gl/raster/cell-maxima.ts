import type { AxisRanges } from '../cell-ranges.js';

/** What {@link cellMaxima} reads: row-major values and, optionally, the display order of each axis. */
export interface CellValues {
  rows: number;
  cols: number;
  data: Float32Array | Float64Array;
  /** Input row of each display row (`null`: input order). */
  rowOrder?: ArrayLike<number> | null;
  /** Input column of each display column (`null`: input order). */
  colOrder?: ArrayLike<number> | null;
}

/** One frame's block maxima and the statistics of every value, from one pass. */
export interface CellMaxima {
  /** Per device pixel (`width × height`): the largest value of the cells it covers; NaN where all are NaN or it covers none. */
  pixels: Float64Array;
  /** Smallest and largest non-NaN value (`NaN` when there is none; ±Infinity as found). */
  min: number;
  max: number;
  /** NaN cells (each counted once). */
  nanCount: number;
}

/** The input cells `[first, end)` that ranges entry `k` covers at level 0 (a level's cell `c` stands for `[c·2^L, (c+1)·2^L)`). */
function rawRanges(a: AxisRanges, n: number): { from: Int32Array; to: Int32Array } {
  const size = a.start.length;
  const from = new Int32Array(size);
  const to = new Int32Array(size);
  const f = 2 ** a.level;
  for (let k = 0; k < size; k++) {
    if (!a.count[k]) continue;
    from[k] = a.start[k] * f;
    to[k] = Math.min(n, (a.start[k] + a.count[k]) * f);
  }
  return { from, to };
}

/** Whether the ranges (non-decreasing, as `axisRanges` makes them) together cover `[0, n)`. */
function covers(a: AxisRanges, r: { from: Int32Array; to: Int32Array }, n: number): boolean {
  let reach = 0;
  for (let k = 0; k < a.start.length; k++) {
    if (!a.count[k]) continue;
    if (r.from[k] > reach) return false;
    if (r.to[k] > reach) reach = r.to[k];
  }
  return reach >= n;
}

/**
 * The first frame of a cell layer straight from its values: each device pixel's maximum
 * over the cells it covers (the frame's {@link AxisRanges}, at any pooling level; Blocks'
 * "visual boosting", NaN-aware: a pixel is NaN only when all its cells are), and the
 * minimum, maximum and NaN count of all values — in one pass that reads every value once
 * (cells on a pixel border twice, for the maxima only).
 *
 * Quantizing a pixel's maximum gives the byte `fillCells` computes from the quantized
 * cells (`quantize` is monotone, NaN → the lowest byte), so a frame coloured from these
 * maxima is the frame drawn from the cell bytes — which can then be made after it.
 *
 * Returns `null` when the frame does not cover every cell (a zoomed view): the statistics
 * would miss the cells out of view. O(rows · cols + rows · width).
 */
export function cellMaxima(v: CellValues, x: AxisRanges, y: AxisRanges): CellMaxima | null {
  const { rows, cols, data } = v;
  const W = x.start.length;
  const H = y.start.length;
  const xr = rawRanges(x, cols);
  const yr = rawRanges(y, rows);
  if (rows === 0 || cols === 0 || !covers(x, xr, cols) || !covers(y, yr, rows)) return null;
  const pixels = new Float64Array(W * H).fill(-Infinity);
  const colOrder = v.colOrder && !isIdentity(v.colOrder, cols) ? Int32Array.from(v.colOrder) : null;
  const rowOrder = v.rowOrder && !isIdentity(v.rowOrder, rows) ? v.rowOrder : null;
  const gather = colOrder ? (data instanceof Float32Array ? new Float32Array(cols) : new Float64Array(cols)) : null;
  // Per pixel row: the maximum of each column over its cell rows (`colMax`), then each
  // pixel's maximum over its columns. A row shared with the pixel row before (a border
  // row) is read again for the maxima only, so the statistics count every cell once.
  const colMax = new Float64Array(cols);
  let min = Infinity;
  let max = -Infinity;
  let nan = 0;
  let done = 0; // rows [0, done) are in the statistics
  for (let Y = 0; Y < H; Y++) {
    if (!y.count[Y]) continue;
    colMax.fill(-Infinity);
    for (let i = yr.from[Y]; i < yr.to[Y]; i++) {
      const src = rowOrder ? rowOrder[i] * cols : i * cols;
      let row: Float32Array | Float64Array = data;
      let base = src;
      if (gather) {
        for (let j = 0; j < cols; j++) gather[j] = data[src + colOrder![j]];
        row = gather;
        base = 0;
      }
      if (i < done) {
        for (let j = 0; j < cols; j++) {
          const val = row[base + j];
          const c = colMax[j];
          colMax[j] = val > c ? val : c;
        }
      } else {
        for (let j = 0; j < cols; j++) {
          const val = row[base + j];
          // An unconditional store: which row holds a column's maximum is data, not a pattern the branch predictor learns.
          const c = colMax[j];
          colMax[j] = val > c ? val : c;
          if (val < min) min = val;
          else if (val !== val) nan++;
        }
        done = i + 1;
      }
    }
    const o = Y * W;
    for (let X = 0; X < W; X++) {
      if (!x.count[X]) continue;
      let m = -Infinity;
      for (let j = xr.from[X]; j < xr.to[X]; j++) if (colMax[j] > m) m = colMax[j];
      pixels[o + X] = m;
      if (m > max) max = m;
    }
  }
  for (let p = 0; p < pixels.length; p++) if (pixels[p] === -Infinity) pixels[p] = NaN;
  // −Infinity cells: the maximum pass never raises a pixel above −∞ for them, but `min` sees them.
  const any = min <= max || min === -Infinity;
  return { pixels, min: any ? min : NaN, max: any ? max : NaN, nanCount: nan };
}

function isIdentity(order: ArrayLike<number>, n: number): boolean {
  if (order.length !== n) return false;
  for (let k = 0; k < n; k++) if (order[k] !== k) return false;
  return true;
}
